using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Signing with a key on a PKCS#11 token (SoftHSM2). The token's configuration is chosen through
/// SOFTHSM2_CONF, which native code reads from the real process environment, so `archive sign`
/// runs as a child process with its own environment.
/// </summary>
public sealed class Pkcs11SigningTests
{
    private const string Library = "/usr/lib/softhsm/libsofthsm2.so";

    [Test]
    public async Task Keys_on_a_softhsm_token_sign_rsa_and_ecdsa_signatures_that_pass()
    {
        Tool.Require("softhsm2-util");
        Assert.That(File.Exists(Library), Is.True, $"{Library} is missing: install softhsm2 (scripts/debian-packages.txt).");
        var folder = SignatureFixtures.TempFolder();
        Directory.CreateDirectory(Path.Combine(folder, "tokens"));
        var config = Path.Combine(folder, "softhsm2.conf");
        await File.WriteAllTextAsync(config, $"directories.tokendir = {folder}/tokens\n");
        var environment = new Dictionary<string, string> { ["SOFTHSM2_CONF"] = config, ["ARCHIVE_KEY_PASSWORD"] = "1234" };
        Tool.Run("softhsm2-util", ["--init-token", "--free", "--label", "archive-test", "--pin", "1234", "--so-pin", "5678"], environment: environment);
        var pki = SignatureFixtures.Pki;
        foreach (var (key, label, id) in new[] { ("organisation", "org", "01"), ("personal-ec", "pec", "02") })
            Tool.Run("softhsm2-util", ["--import", Path.Combine(pki, key + ".key"), "--token", "archive-test", "--label", label, "--id", id, "--pin", "1234"],
                environment: environment);
        string Chain(string name)
        {
            var path = Path.Combine(folder, name + "-full-chain.pem");
            File.WriteAllText(path, File.ReadAllText(Path.Combine(pki, name + ".cer")) + File.ReadAllText(Path.Combine(pki, "issuing.cer")));
            return path;
        }
        var archive = Path.Combine(TestContext.CurrentContext.TestDirectory, "archive.dll");
        var issued = Path.Combine(folder, "issued-token.pdf");
        var ec = Path.Combine(folder, "ec-token.pdf");

        Tool.Run("dotnet", [archive, "--data", folder, "sign", SignatureFixtures.SignedFile("personal.pdf"), issued, "--pkcs11", Library,
            "--token", "archive-test", "--key-label", "org", "--cert", Chain("organisation"), "--position", "top-right"], environment: environment);
        Tool.Run("dotnet", [archive, "--data", folder, "sign", SignatureFixtures.SignedFile("plain.pdf"), ec, "--pkcs11", Library,
            "--token", "archive-test", "--key-label", "pec", "--cert", Chain("personal-ec")], environment: environment);
        var (wrongPin, _) = Tool.Run("dotnet", [archive, "--data", folder, "sign", SignatureFixtures.SignedFile("plain.pdf"), ec + ".x", "--pkcs11", Library,
            "--token", "archive-test", "--key-label", "pec", "--cert", Chain("personal-ec")], check: false,
            environment: new Dictionary<string, string> { ["SOFTHSM2_CONF"] = config, ["ARCHIVE_KEY_PASSWORD"] = "0000" });

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
