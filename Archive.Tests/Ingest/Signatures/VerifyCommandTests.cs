using System.Text.Json;
using Archive.Web.Cli;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>`archive verify` as DESIGN.md 4 specifies it: exit codes, one JSON line per file, field names.</summary>
public sealed class VerifyCommandTests
{
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var data = SignatureFixtures.TempFolder();
        var exit = await ArchiveCommandLine.RunAsync(["--data", data, .. args], stdout, stderr, TimeProvider.System);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string[] Trust => ["--trust", SignatureFixtures.Anchors, "--crl", SignatureFixtures.Crls];

    [Test]
    public async Task Without_trusted_roots_verify_still_checks_everything_but_the_chain_and_says_how_to_add_the_root()
    {
        var empty = SignatureFixtures.TempFolder();
        foreach (var trust in new[] { Array.Empty<string>(), ["--trust", empty] })
        {
            var (exit, output, error) = await Run(["verify", "--json", .. trust, SignatureFixtures.SignedFile("issued.pdf")]);
            Assert.That(exit, Is.EqualTo(VerifyCommand.AnyIndeterminate), error);
            var signatures = JsonDocument.Parse(output).RootElement.GetProperty("signatures").EnumerateArray().ToList();
            Assert.That(signatures.Select(s => s.GetProperty("subIndication").GetString()),
                Is.All.EqualTo("NO_CERTIFICATE_CHAIN_FOUND"));
            Assert.That(error, Does.Contain("archive trust add-anchor"));
        }

        // Integrity is still checked: a changed byte inside the signed range fails, as pdfsig says too.
        var bytes = await File.ReadAllBytesAsync(SignatureFixtures.SignedFile("issued.pdf"));
        var at = Array.IndexOf(bytes, (byte)'M', 200);
        bytes[at] = (byte)'N';
        var changed = Path.Combine(SignatureFixtures.TempFolder(), "changed.pdf");
        await File.WriteAllBytesAsync(changed, bytes);
        var (failed, text, _) = await Run(["verify", changed]);
        Assert.That(failed, Is.EqualTo(VerifyCommand.AnyFailed), text);
        Assert.That(Pdfsig.Verify(changed).Any(v => !v.SignatureValid), "pdfsig agrees the signature no longer matches");

    }

    [Test]
    public async Task Json_has_one_line_per_file_with_the_contract_fields()
    {
        var (exit, output, _) = await Run(["verify", "--json", .. Trust, SignatureFixtures.SignedFile("issued.pdf"), SignatureFixtures.SignedFile("minutes.txt")]);

        Assert.That(exit, Is.EqualTo(0), output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        using var json = JsonDocument.Parse(lines[0]);
        var root = json.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("file").GetString(), Does.EndWith("issued.pdf"));
            Assert.That(root.GetProperty("sha256").GetString(), Has.Length.EqualTo(64));
            Assert.That(root.GetProperty("indication").GetString(), Is.EqualTo("TOTAL_PASSED"));
            var first = root.GetProperty("signatures")[0];
            Assert.That(first.GetProperty("field").GetString(), Is.EqualTo("Sig1"));
            Assert.That(first.GetProperty("indication").GetString(), Is.EqualTo("TOTAL_PASSED"));
            Assert.That(first.GetProperty("subIndication").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(first.GetProperty("signer").GetProperty("subject").GetString(), Does.StartWith("CN=Nguyễn Văn An"));
            Assert.That(first.GetProperty("signer").GetProperty("issuer").GetString(), Does.StartWith("CN=Test CA"));
            Assert.That(first.GetProperty("signer").GetProperty("serial").GetString(), Is.Not.Empty);
            Assert.That(first.GetProperty("kind").GetString(), Is.EqualTo("personal"));
            Assert.That(first.GetProperty("signingTime").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$"));
            Assert.That(first.GetProperty("timeSource").GetString(), Is.EqualTo("claimed"));
            Assert.That(first.GetProperty("coversWholeDocument").GetBoolean(), Is.False);
            Assert.That(first.GetProperty("modificationsAfter").GetString(), Is.EqualTo("allowed"));
            Assert.That(first.GetProperty("messages").GetArrayLength(), Is.GreaterThan(0));
            Assert.That(root.GetProperty("signatures")[1].GetProperty("kind").GetString(), Is.EqualTo("organisation"));
            var rule = root.GetProperty("rules")[0];
            Assert.That(rule.GetProperty("id").GetString(), Is.EqualTo("no-modification-after-signing"));
            Assert.That(rule.GetProperty("passed").GetBoolean(), Is.True);
            Assert.That(rule.GetProperty("message").GetString(), Is.Not.Empty);
        });
    }

    [TestCase(new[] { "personal.pdf" }, 0)]
    [TestCase(new[] { "personal.pdf", "revoked.pdf", "expired.pdf" }, 1)]
    [TestCase(new[] { "personal.pdf", "expired.pdf" }, 2)]
    [TestCase(new[] { "personal.pdf", "plain.pdf" }, 3)]
    public async Task Exit_codes_follow_the_worst_file(string[] files, int expected)
    {
        var (exit, output, error) = await Run(["verify", .. Trust, .. files.Select(SignatureFixtures.SignedFile)]);

        Assert.That(exit, Is.EqualTo(expected), output + error);
    }

    [Test]
    public async Task The_agency_policy_adds_the_regulation_rules()
    {
        var (exit, output, _) = await Run(["verify", "--policy", "agency", .. Trust, SignatureFixtures.SignedFile("personal.pdf")]);

        Assert.That(exit, Is.EqualTo(1));
        Assert.That(output, Does.Contain("[KHÔNG ĐẠT] two-signatures"));
    }

    [Test]
    public async Task The_text_report_puts_the_verdict_first_in_Vietnamese()
    {
        var (_, output, _) = await Run(["verify", .. Trust, SignatureFixtures.SignedFile("revoked.pdf")]);

        var lines = output.Split('\n');
        Assert.That(lines[0], Does.Contain("KHÔNG HỢP LỆ (TOTAL_FAILED)"));
        Assert.That(output, Does.Contain("Chữ ký 1 (Sig1): KHÔNG HỢP LỆ — TOTAL_FAILED/REVOKED"));
        Assert.That(output, Does.Contain("Người ký: Lê Văn Cường"));
    }

    [TestCase("missing.pdf")]
    public async Task A_missing_file_is_a_usage_error(string name)
    {
        var (exit, _, error) = await Run(["verify", .. Trust, Path.Combine(SignatureFixtures.TempFolder(), name)]);

        Assert.That(exit, Is.EqualTo(64));
        Assert.That(error, Does.Contain("Không tìm thấy tệp"));
    }

    [Test]
    public async Task A_bad_policy_or_a_named_trust_folder_that_is_not_there_is_a_usage_error()
    {
        var (badPolicy, _, _) = await Run(["verify", "--policy", "lax", .. Trust, SignatureFixtures.SignedFile("personal.pdf")]);
        var (noTrust, _, error) = await Run(["verify", "--trust", Path.Combine(SignatureFixtures.TempFolder(), "khong-co"),
            SignatureFixtures.SignedFile("personal.pdf")]);

        Assert.That(badPolicy, Is.EqualTo(64));
        Assert.That(noTrust, Is.EqualTo(64), error);
    }

    [Test]
    public async Task Sign_then_verify_with_the_agency_policy_passes()
    {
        var output = Path.Combine(SignatureFixtures.TempFolder(), "issued-by-archive.pdf");
        var key = Path.Combine(SignatureFixtures.Pki, "organisation.p12");

        var (signExit, signOut, signErr) = await Run("sign", SignatureFixtures.SignedFile("personal.pdf"), output, "--key", key, "--password", "test",
            "--position", "top-right");
        var (verifyExit, verifyOut, _) = await Run(["verify", "--policy", "agency", .. Trust, output]);
        var (wrongPassword, _, _) = await Run("sign", SignatureFixtures.SignedFile("personal.pdf"), output + ".2", "--key", key, "--password", "x");

        Assert.That(signExit, Is.EqualTo(0), signOut + signErr);
        Assert.That(verifyExit, Is.EqualTo(0), verifyOut);
        Assert.That(wrongPassword, Is.EqualTo(64));
    }
}
