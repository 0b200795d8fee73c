using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>`archive ingest` on documents signed by openssl (another vendor, as far as we are concerned), per Điều 12.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SignedIngestTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [SetUp]
    public Task TrustTheTestPki() => SignatureFixtures.TrustInAsync(Data.Path);

    private async Task<JsonElement> Ingest(string file, string policy, string number)
    {
        var metadata = Data.File($"m-{number}.json");
        await File.WriteAllTextAsync(metadata, $$"""
            {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"{{number}}","CodeNotation":"QĐ-UBND",
             "IssuedDate":"2019-04-12","Subject":"Văn bản ký số","PageAmount":1}
            """);
        var result = await Cli.RunAsync("ingest", file, "--dossier", DemoDossier.Code, "--policy", policy, "--metadata", metadata, "--json",
            "--data", Data.Path);
        return JsonDocument.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
    }

    [Test]
    public async Task A_document_with_a_personal_then_an_organisation_signature_is_accepted_filed_and_numbered()
    {
        var outcome = await Ingest(SignatureFixtures.SignedFile("issued.pdf"), "basic", "31");

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("accepted"), outcome.ToString());
        Assert.That(outcome.GetProperty("indication").GetString(), Is.EqualTo("TOTAL_PASSED"));
        Assert.That(outcome.GetProperty("arrivalNumber").GetInt32(), Is.EqualTo(1));
        var item = await Cli.RunAsync("inbox", "show", outcome.GetProperty("inboxId").GetString()!, "--json", "--data", Data.Path);
        var report = JsonDocument.Parse(JsonDocument.Parse(item.Stdout).RootElement.GetProperty("signatureReport").GetString()!).RootElement;
        Assert.That(report.GetProperty("signatures").GetArrayLength(), Is.EqualTo(2), "the validation report is kept with the document");
    }

    [Test]
    public async Task A_tampered_signed_document_is_returned_with_a_notice_naming_the_failed_check()
    {
        var tampered = Data.File("tampered.pdf");
        var bytes = await File.ReadAllBytesAsync(SignatureFixtures.SignedFile("issued.pdf"));
        var at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("/MediaBox", StringComparison.Ordinal);
        bytes[at + 12] = (byte)(bytes[at + 12] == (byte)'1' ? '2' : '1'); // inside the signed ranges
        await File.WriteAllBytesAsync(tampered, bytes);

        var outcome = await Ingest(tampered, "basic", "32");

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"), outcome.ToString());
        Assert.That(outcome.GetProperty("indication").GetString(), Is.EqualTo("TOTAL_FAILED"));
        var reasons = string.Join(" ", outcome.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.That(reasons, Does.Contain("HASH_FAILURE"));
        var notice = await Cli.RunAsync("inbox", "show", outcome.GetProperty("inboxId").GetString()!, "--data", Data.Path);
        Assert.That(notice.Stdout, Does.Contain("Thông báo gửi nơi gửi").And.Contain("HASH_FAILURE"));
        var shown = await Cli.RunAsync("inbox", "show", outcome.GetProperty("inboxId").GetString()!, "--json", "--data", Data.Path);
        var failed = JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("events").EnumerateArray()
            .Where(e => e.GetProperty("outcome").GetString() == "failure").ToList();
        Assert.That(failed.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "validation" }), "the PREMIS history names the failed check");
        Assert.That(failed[0].GetProperty("detail").GetString(), Does.StartWith("chữ ký số: không đạt").And.Contain("HASH_FAILURE"));
    }

    [Test]
    public async Task Under_the_agency_policy_a_document_with_only_the_personal_signature_is_returned()
    {
        var outcome = await Ingest(SignatureFixtures.SignedFile("personal.pdf"), "agency", "33");

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"), outcome.ToString());
        Assert.That(string.Join(" ", outcome.GetProperty("reasons").EnumerateArray().Select(r => r.GetString())), Does.Contain("two-signatures"));
    }
}
