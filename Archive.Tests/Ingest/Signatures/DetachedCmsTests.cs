using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>Detached CMS (FILE.p7s beside FILE) made by `openssl cms`, for files that are not PDF.</summary>
public sealed class DetachedCmsTests
{
    private static string CopyWithSignature(string? newContent = null, bool pem = false)
    {
        var folder = SignatureFixtures.TempFolder();
        var file = Path.Combine(folder, "minutes.txt");
        File.Copy(SignatureFixtures.SignedFile("minutes.txt"), file);
        if (pem)
        {
            var der = File.ReadAllBytes(SignatureFixtures.SignedFile("minutes.txt.p7s"));
            File.WriteAllText(file + ".p7s", "-----BEGIN CMS-----\n" + Convert.ToBase64String(der, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CMS-----\n");
        }
        else
        {
            File.Copy(SignatureFixtures.SignedFile("minutes.txt.p7s"), file + ".p7s");
        }
        if (newContent is not null) File.WriteAllText(file, newContent);
        return file;
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task A_detached_signature_over_an_unchanged_file_passes(bool pem)
    {
        var report = await SignatureFixtures.VerifyAsync(CopyWithSignature(pem: pem));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures.Single().Signer!.CommonName, Is.EqualTo("Nguyễn Văn An"));
    }

    [Test]
    public async Task A_changed_file_is_a_hash_failure()
    {
        var report = await SignatureFixtures.VerifyAsync(CopyWithSignature("Biên bản đã bị sửa\n"));

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.HashFailure));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [Test]
    public async Task A_file_without_companion_signature_has_none()
    {
        var file = Path.Combine(SignatureFixtures.TempFolder(), "note.txt");
        await File.WriteAllTextAsync(file, "không ký");

        var report = await SignatureFixtures.VerifyAsync(file);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.NoSignature));
    }

    [Test]
    public async Task A_companion_that_is_not_cms_is_a_format_failure()
    {
        var file = CopyWithSignature();
        await File.WriteAllTextAsync(file + ".p7s", "not a signature");

        var report = await SignatureFixtures.VerifyAsync(file);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.FormatFailure));
    }
}
