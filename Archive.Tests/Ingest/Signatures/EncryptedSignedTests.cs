using Archive.Ingest.Signatures;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Signatures in encrypted PDFs, made by independent tools (qpdf encrypts with AES-256, poppler's pdfsig signs with the owner
/// password): verified when the file opens without a password, as pdfsig verifies it; a file that needs a password to open is
/// INDETERMINATE with the reason, never a crash; ingest still returns an encrypted file, which cannot be preserved.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class EncryptedSignedTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private string Encrypted(string name, string userPassword)
    {
        var encrypted = Data.File(name + "-enc.pdf");
        Tool.Run("qpdf", ["--encrypt", userPassword, "owner-pw", "256", "--", SignatureFixtures.SignedFile("plain.pdf"), encrypted]);
        var signed = Data.File(name + ".pdf");
        string[] user = userPassword.Length > 0 ? ["-upw", userPassword] : [];
        Pdfsig.Sign(encrypted, signed, "personal", ["-opw", "owner-pw", .. user]);
        return signed;
    }

    [Test]
    public async Task A_signature_in_a_file_anyone_may_open_is_verified_and_ingest_still_returns_the_file()
    {
        var signed = Encrypted("mo-duoc", "");

        var report = await SignatureFixtures.VerifyAsync(signed);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(Pdfsig.Verify(signed).Single().SignatureValid, "pdfsig agrees");
        var ingest = await Cli.RunAsync("ingest", signed, "--dossier", DemoDossier.Code, "--data", Data.Path);
        Assert.That(ingest.Stdout, Does.Contain("TRẢ LẠI").And.Contain("mã hóa"), ingest.ToString());
    }

    [Test]
    public async Task A_file_that_needs_a_password_to_open_is_indeterminate_with_the_reason()
    {
        var signed = Encrypted("can-mat-khau", "user-pw");

        var verify = await Cli.RunAsync("verify", signed, "--trust", SignatureFixtures.Anchors, "--crl", SignatureFixtures.Crls);

        Assert.That(verify.ExitCode, Is.EqualTo(2), verify.ToString());
        Assert.That(verify.Stdout, Does.Contain("INDETERMINATE").And.Contain("đặt mật khẩu mở"));
        Assert.That(verify.Stdout + verify.Stderr, Does.Not.Contain("Exception").And.Not.Contain("   at "), "no stack trace");
    }
}
