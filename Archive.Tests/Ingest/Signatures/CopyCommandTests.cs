using System.Text.Json;
using Archive.Tests.Ingest.Exchange;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// A certified copy through the command line, from an ingested two-signature document: requested, approved, made with the
/// agency key, registered; then recognised by `archive copy verify` (by file and by code) and refused once one byte changes.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class CopyCommandTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    internal const string Password = "Luu-tru-2019-HT";

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
        Assert.That(verified.Stdout, Does.Contain("Bản sao hợp lệ: SAO Y số 01/SY").And.Contain("tệp còn nguyên vẹn")
            .And.Contain($", {PagesOf(copy)} trang,"));
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
        Assert.That(entry.GetProperty("sourceSignatureReport").GetString(), Does.Contain("\"indication\":\"TOTAL_PASSED\""),
            "the original's validation report is kept with the register entry");
        var audit = await Cli.RunAsync("audit", "list", "--limit", "1000", "--json", "--data", Data.Path);
        Assert.That(audit.Stdout, Does.Contain("\"copy.make\"").And.Contain("\"copy.reserve\""));
        Assert.That((await Cli.RunAsync("audit", "verify", "--data", Data.Path)).ExitCode, Is.Zero);
    }

    [Test]
    public async Task A_sao_luc_is_made_from_the_sao_y_the_archive_issued()
    {
        var document = await IngestSignedDocument();
        await CreateUser("vthu", "van-thu");
        await CreateUser("ldao", "lanh-dao");
        var saoY = await Issue(document, "--form", "sao-y");
        var saoYEntry = JsonDocument.Parse(saoY.Made.Stdout).RootElement;

        var saoLuc = await Issue(document, "--form", "sao-luc", "--from", saoY.RequestId);

        Assert.That(saoLuc.Made.ExitCode, Is.Zero, saoLuc.Made.ToString());
        var entry = JsonDocument.Parse(saoLuc.Made.Stdout).RootElement;
        Assert.That((entry.GetProperty("notation").GetString(), entry.GetProperty("sourceCopyId").GetString()),
            Is.EqualTo(("02/SL", saoYEntry.GetProperty("id").GetString())));
        var verdict = Pdfsig.Verify(saoLuc.File).Single();
        Assert.That(verdict.SignatureValid && verdict.TotalDocumentSigned, verdict.ToString());
        Assert.That(Tool.Run("pdftotext", ["-f", "1", "-l", "1", saoLuc.File, "-"]).Output,
            Does.Contain("SAO LỤC").And.Contain("Số: 02/SL").And.Contain("Số: 01/SY"));
        Assert.That((await Cli.RunAsync("copy", "verify", saoLuc.File, "--data", Data.Path)).Stdout, Does.Contain("SAO LỤC số 02/SL"));
    }

    [Test]
    public async Task A_copy_is_signed_with_the_agency_key_on_a_pkcs11_token_that_never_gives_it_out()
    {
        var document = await IngestSignedDocument();
        await CreateUser("vthu", "van-thu");
        await CreateUser("ldao", "lanh-dao");
        var requestId = await Approved(document, "--form", "trich-sao", "--pages", "1");
        var token = SoftHsmToken.Create(("organisation", "org", "01"));
        var copy = Data.File("trich-sao-token.pdf");
        var archive = Path.Combine(TestContext.CurrentContext.TestDirectory, "archive.dll");
        string[] make = [archive, "--data", Data.Path, "copy", "make", requestId, "--out", copy, "--as", "vthu",
            "--pkcs11", SoftHsmToken.Library, "--token", SoftHsmToken.Label, "--key-label", "org", "--cert", token.Chain("organisation"), "--json"];

        Dictionary<string, string> Environment(params string[] pin) =>
            new(token.Environment(pin.Length > 0 ? pin[0] : SoftHsmToken.Pin).Concat(CatalogEngines.EnvironmentFor(make)));
        var (wrongPin, refusal) = Tool.Run("dotnet", make, check: false, environment: Environment("0000"));
        Assert.That((wrongPin, File.Exists(copy)), Is.EqualTo((64, false)), refusal);
        Assert.That(refusal, Does.Contain("PIN"));
        Assert.That(JsonDocument.Parse((await As("vthu", "copy", "list", "--json")).Stdout).RootElement.GetProperty("status").GetString(),
            Is.EqualTo("approved"), "nothing registered");
        var (exit, output) = Tool.Run("dotnet", make, check: false, environment: Environment());

        Assert.That(exit, Is.Zero, output);
        var verdict = Pdfsig.Verify(copy).Single();
        Assert.That(verdict.SignatureValid && verdict.CertificateValidation.StartsWith("Certificate is Trusted", StringComparison.Ordinal),
            verdict.ToString());
        var objects = token.PrivateKeyObjects();
        Assert.That(objects, Does.Contain("label:      org").And.Contain("sensitive"), objects);
        Assert.That(objects.Replace("never extractable", "", StringComparison.Ordinal), Does.Not.Contain("extractable"), objects);
    }

    private async Task<string> Approved(string document, params string[] form)
    {
        var request = await As("vthu", ["copy", "request", document, .. form, "--purpose", "Cung cấp hồ sơ vụ án",
            "--recipient", "Tòa án nhân dân tỉnh Hà Tĩnh", "--json"]);
        Assert.That(request.ExitCode, Is.Zero, request.ToString());
        var requestId = JsonDocument.Parse(request.Stdout).RootElement.GetProperty("id").GetString()!;
        Assert.That((await As("ldao", "copy", "approve", requestId)).ExitCode, Is.Zero);
        return requestId;
    }

    private async Task<(string RequestId, string File, CliResult Made)> Issue(string document, params string[] form)
    {
        var requestId = await Approved(document, form);
        var file = Data.File($"ban-sao-{requestId}.pdf");
        var key = Path.Combine(SignatureFixtures.Pki, "organisation.p12");
        var made = await As("vthu", "copy", "make", requestId, "--out", file, "--key", key, "--password", "test", "--json");
        return (requestId, file, made);
    }

    private Task<string> IngestSignedDocument() => IngestSignedDocumentAsync(Data);

    /// <summary>The test PKI's two-signature PDF, ingested through an edXML package into the demo dossier: its document id.</summary>
    internal static async Task<string> IngestSignedDocumentAsync(TempFolder data)
    {
        var signed = await File.ReadAllBytesAsync(SignatureFixtures.SignedFile("issued.pdf"));
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var envelope = EdXmlEnvelope.Write(data.File("goi-tin.edxml"), "cong-van-123.pdf", signed, today);
        var result = await Cli.RunAsync("ingest", envelope, "--dossier", DemoDossier.Code, "--json", "--data", data.Path);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement
            .GetProperty("id").GetString()!;
    }

    private static int PagesOf(string pdf) => int.Parse(System.Text.RegularExpressions.Regex.Match(Tool.Run("pdfinfo", [pdf]).Output,
        @"Pages:\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private Task CreateUser(string login, string role) => CreateUserAsync(Data, login, role);

    internal static async Task CreateUserAsync(TempFolder data, string login, string role)
    {
        var created = await Cli.RunWithInputAsync(Password + "\n", "user", "create", login, "--full-name", $"Người dùng {login}",
            "--agency", DemoDossier.Agency, "--role", role, "--password-stdin", "--data", data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
    }

    private Task<CliResult> As(string login, params string[] args) => Cli.RunAsync([.. args, "--as", login, "--data", Data.Path]);
}
