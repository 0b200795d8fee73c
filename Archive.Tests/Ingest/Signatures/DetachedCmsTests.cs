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
    public async Task Naming_the_p7s_verifies_the_file_it_signs()
    {
        var file = CopyWithSignature();

        var report = await SignatureFixtures.VerifyAsync(file + ".p7s");

        Assert.That(report.File, Is.EqualTo(file));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed));
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

/// <summary>ESS signing-certificate-v2 binds the signature to one certificate; a CMS whose attribute names another is refused.</summary>
public sealed class SigningCertificateReferenceTests
{
    [Test]
    public async Task A_signing_certificate_v2_that_names_another_certificate_is_no_signing_certificate_found()
    {
        var folder = SignatureFixtures.TempFolder();
        var file = Path.Combine(folder, "note.txt");
        await File.WriteAllTextAsync(file, "Công văn số 12");
        using var personal = Archive.Ingest.Signing.Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "personal.p12"), "test");
        using var organisation = Archive.Ingest.Signing.Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "organisation.p12"), "test");

        byte[] Sign(Org.BouncyCastle.X509.X509Certificate referenced)
        {
            var generator = new Org.BouncyCastle.Cms.CmsSignedDataGenerator();
            generator.AddSignerInfoGenerator(new Org.BouncyCastle.Cms.SignerInfoGeneratorBuilder()
                .WithSignedAttributeGenerator(new Archive.Ingest.Signing.PadesSignedAttributes(referenced))
                .Build(new Archive.Ingest.Signing.SigningKeySignatureFactory(personal), personal.Chain[0]));
            generator.AddCertificates(Org.BouncyCastle.Utilities.Collections.CollectionUtilities.CreateStore(personal.Chain.Concat([organisation.Chain[0]]).ToList()));
            return generator.Generate(new Org.BouncyCastle.Cms.CmsProcessableFile(new FileInfo(file)), false).GetEncoded();
        }

        await File.WriteAllBytesAsync(file + ".p7s", Sign(personal.Chain[0]));
        var right = await SignatureFixtures.VerifyAsync(file);
        await File.WriteAllBytesAsync(file + ".p7s", Sign(organisation.Chain[0]));
        var wrong = await SignatureFixtures.VerifyAsync(file);

        Assert.That(right.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(right));
        Assert.That(wrong.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.NoSigningCertificateFound), OpensslSignedPdfTests.Describe(wrong));
    }
}
