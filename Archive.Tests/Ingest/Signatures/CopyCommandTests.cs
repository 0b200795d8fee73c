using System.Text.Json;
using Archive.Tests.Ingest.Exchange;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// A certified copy through the command line, from an ingested two-signature document: requested, approved, made with the
/// agency key, registered; then recognised by `archive copy verify` (by file and by code) and refused once one byte changes.
/// </summary>
public sealed class CopyCommandTests : DemoDossierTest
{
    private const string Password = "Luu-tru-2019-HT";

    [SetUp]
    public Task TrustTheTestPki() => SignatureFixtures.TrustInAsync(Data.Path);

    [Test]
    public async Task A_sao_y_is_made_signed_registered_and_verified_and_a_changed_copy_is_not()
    {
        var document = await IngestSignedDocument();
        await CreateUser("vthu", "van-thu");
        await CreateUser("ldao", "lanh-dao");
        var request = await As("vthu", "copy", "request", document, "--form", "sao-y", "--purpose", "Cung cấp hồ sơ vụ án",
            "--recipient", "Tòa án nhân dân tỉnh Hà Tĩnh", "--json");
        var requestId = JsonDocument.Parse(request.Stdout).RootElement.GetProperty("id").GetString()!;
        var copy = Data.File("ban-sao-y.pdf");
        var key = Path.Combine(SignatureFixtures.Pki, "organisation.p12");

        var early = await As("vthu", "copy", "make", requestId, "--out", copy, "--key", key, "--password", "test");
        Assert.That((early.ExitCode, File.Exists(copy)), Is.EqualTo((64, false)), "not approved yet: " + early);
        Assert.That((await As("ldao", "copy", "approve", requestId)).ExitCode, Is.Zero);
        var byLeader = await As("ldao", "copy", "make", requestId, "--out", copy, "--key", key, "--password", "test");
        Assert.That(byLeader.ExitCode, Is.EqualTo(77), "a records officer makes copies: " + byLeader);
        var wrongPassword = await As("vthu", "copy", "make", requestId, "--out", copy, "--key", key, "--password", "sai");
        Assert.That((wrongPassword.ExitCode, File.Exists(copy)), Is.EqualTo((64, false)), wrongPassword.ToString());

        var made = await As("vthu", "copy", "make", requestId, "--out", copy, "--key", key, "--password", "test", "--json");
        Assert.That(made.ExitCode, Is.Zero, made.ToString());
        var entry = JsonDocument.Parse(made.Stdout).RootElement;
        Assert.That(entry.GetProperty("notation").GetString(), Is.EqualTo("01/SY"), "the reserved number survived the failures");
        var verdict = Pdfsig.Verify(copy).Single();
        Assert.That(verdict.SignatureValid && verdict.CertificateValidation.StartsWith("Certificate is Trusted", StringComparison.Ordinal),
            verdict.ToString());
        Assert.That(Tool.Run("pdftotext", ["-f", "1", "-l", "1", copy, "-"]).Output, Does.Contain("SAO Y").And.Contain("Số: 01/SY"));
        Assert.That(entry.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(copy)))));

        var verified = await Cli.RunAsync("copy", "verify", copy, "--data", Data.Path);
        Assert.That(verified.ExitCode, Is.Zero, verified.ToString());
        Assert.That(verified.Stdout, Does.Contain("Bản sao hợp lệ: SAO Y số 01/SY").And.Contain("tệp còn nguyên vẹn"));
        var code = entry.GetProperty("verificationCode").GetString()!;
        Assert.That((await Cli.RunAsync("copy", "verify", "--code", code.ToLowerInvariant(), "--data", Data.Path)).ExitCode, Is.Zero);
        var bytes = await File.ReadAllBytesAsync(copy);
        bytes[bytes.Length / 2] ^= 0x01;
        var changed = Data.File("ban-sao-da-sua.pdf");
        await File.WriteAllBytesAsync(changed, bytes);
        var refused = await Cli.RunAsync("copy", "verify", changed, "--data", Data.Path);
        Assert.That(refused.ExitCode, Is.EqualTo(1), refused.ToString());
        Assert.That(refused.Stderr, Does.Contain("đã bị sửa đổi"));

        var listed = JsonDocument.Parse((await As("vthu", "copy", "list", "--json")).Stdout).RootElement;
        Assert.That(listed.GetProperty("status").GetString(), Is.EqualTo("made"));
        var audit = await Cli.RunAsync("audit", "list", "--limit", "1000", "--json", "--data", Data.Path);
        Assert.That(audit.Stdout, Does.Contain("\"copy.make\"").And.Contain("\"copy.reserve\""));
        Assert.That((await Cli.RunAsync("audit", "verify", "--data", Data.Path)).ExitCode, Is.Zero);
    }

    private async Task<string> IngestSignedDocument()
    {
        var signed = await File.ReadAllBytesAsync(SignatureFixtures.SignedFile("issued.pdf"));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var envelope = EdXmlEnvelope.Write(Data.File("goi-tin.edxml"), "cong-van-123.pdf", signed, today);
        var result = await Cli.RunAsync("ingest", envelope, "--dossier", DemoDossier.Code, "--json", "--data", Data.Path);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement
            .GetProperty("id").GetString()!;
    }

    private async Task CreateUser(string login, string role)
    {
        var created = await Cli.RunWithInputAsync(Password + "\n", "user", "create", login, "--full-name", $"Người dùng {login}",
            "--agency", DemoDossier.Agency, "--role", role, "--password-stdin", "--data", Data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
    }

    private Task<CliResult> As(string login, params string[] args) => Cli.RunAsync([.. args, "--as", login, "--data", Data.Path]);
}
