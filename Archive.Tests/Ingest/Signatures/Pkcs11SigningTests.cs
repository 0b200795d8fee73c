using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Signing with a key on a PKCS#11 token (SoftHSM2). The token's configuration is chosen through
/// SOFTHSM2_CONF, which native code reads from the real process environment, so `archive sign`
/// runs as a child process with its own environment.
/// </summary>
public sealed class Pkcs11SigningTests
{
    [Test]
    public async Task Keys_on_a_softhsm_token_sign_rsa_and_ecdsa_signatures_that_pass()
    {
        var token = SoftHsmToken.Create(("organisation", "org", "01"), ("personal-ec", "pec", "02"));
        var (folder, environment, library) = (token.Folder, token.Environment(), SoftHsmToken.Library);
        var archive = Path.Combine(TestContext.CurrentContext.TestDirectory, "archive.dll");
        var issued = Path.Combine(folder, "issued-token.pdf");
        var ec = Path.Combine(folder, "ec-token.pdf");

        string[] Sign(string input, string output, string label, string key) =>
            [archive, "--data", folder, "sign", SignatureFixtures.SignedFile(input), output, "--pkcs11", library, "--token", SoftHsmToken.Label,
                "--key-label", label, "--cert", token.Chain(key)];
        Tool.Run("dotnet", [.. Sign("personal.pdf", issued, "org", "organisation"), "--position", "top-right"], environment: environment);
        Tool.Run("dotnet", Sign("plain.pdf", ec, "pec", "personal-ec"), environment: environment);
        var (wrongPin, _) = Tool.Run("dotnet", Sign("plain.pdf", ec + ".x", "pec", "personal-ec"), check: false,
            environment: token.Environment("0000"));

        var issuedReport = await SignatureFixtures.VerifyAsync(issued, ValidationPolicy.Agency);
        var ecReport = await SignatureFixtures.VerifyAsync(ec);
        Assert.Multiple(() =>
        {
            Assert.That(issuedReport.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(issuedReport));
            Assert.That(ecReport.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(ecReport));
            Assert.That(Pdfsig.Verify(issued).All(v => v.SignatureValid), Is.True);
            Assert.That(Pdfsig.Verify(ec).Single().TotalDocumentSigned, Is.True);
            Assert.That(wrongPin, Is.EqualTo(64));
        });
    }
}
