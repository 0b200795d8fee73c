using System.Security.Cryptography;
using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Storage;
using Archive.Ingest.Conversion;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// A fonds' dossier exported by one archive and imported into a fresh one: the same documents bit for bit, the same TT 02
/// metadata, the same search results, signatures still TOTAL_PASSED when validated again at the receiver, the history kept.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class TransferRoundTripTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");

    [Test]
    public async Task Export_then_import_into_a_fresh_archive_keeps_documents_metadata_search_signatures_and_history()
    {
        await SignatureFixtures.TrustInAsync(Data.Path);
        var signed = await Ingest(SignatureFixtures.SignedFile("issued.pdf"), "31", "Văn bản ký số nộp lưu");
        var plain = await Ingest(SamplePdf.Write(Data.File("khong-ky.pdf"), "Bao cao nop luu"), "32", "Văn bản không ký nộp lưu");
        Assert.That((await Cli.RunAsync("dossier", "close", DemoDossier.Code, "--data", Data.Path)).ExitCode, Is.Zero);
        var bag = Data.File("goi");
        // As a separate process with the agency's key configured, as `archive serve` or a scheduled job would run it.
        var export = await Cli.RunChildAsync(["transfer", "export", DemoDossier.Code, "--to", bag, "--data", Data.Path],
            new Dictionary<string, string>
            {
                ["ARCHIVE__Archive__Copies__Key__Pkcs12File"] = Path.Combine(SignatureFixtures.Pki, "organisation.p12"),
                ["ARCHIVE_COPY_KEY_PASSWORD"] = "test",
            });
        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        var handover = Path.Combine(bag, "data", "bien-ban-giao-nhan.pdf");
        var verdicts = Pdfsig.Verify(handover);
        Assert.That(verdicts, Has.Count.EqualTo(1));
        Assert.That(verdicts[0].SignatureValid, Is.True, verdicts[0].SignatureValidation);
        Assert.That(verdicts[0].CertificateValidation, Does.Contain("Certificate is Trusted"));
        var record = Tool.Run("pdftotext", [handover, "-"]).Output;
        Assert.That(record, Does.Contain("BIÊN BẢN GIAO NHẬN TÀI LIỆU NỘP LƯU").And.Contain("Số hồ sơ: 1. Số văn bản: 2."));
        Assert.That(Tool.Run("qpdf", ["--check", handover], check: false).ExitCode, Is.Zero);
        // Both records stay PDF/A-2b (structure through qpdf, XMP identification, embedded fonts), the record after signing too.
        var pdfa = new PdfAVerifier(new ToolRunner(Logger.None), new ConversionOptions());
        foreach (var pdfFile in new[] { handover, Path.Combine(bag, "data", "muc-luc-ho-so.pdf") })
        {
            var verdict = await pdfa.VerifyAsync(pdfFile, CancellationToken.None);
            Assert.That(verdict.IsValid, verdict.ToString());
        }

        using var receiver = new TempFolder("archive-receiver");
        Engine.Attach(receiver.Path);
        Assert.That((await Cli.RunAsync("init", "--data", receiver.Path)).ExitCode, Is.Zero);
        await SignatureFixtures.TrustInAsync(receiver.Path);
        var import = await Cli.RunAsync("transfer", "import", bag, "--data", receiver.Path);
        Assert.That(import.ExitCode, Is.Zero, import.ToString());

        foreach (var id in new[] { signed, plain })
        {
            Assert.That(await Sha256Of(id, "--original", receiver.Path), Is.EqualTo(await Sha256Of(id, "--original", Data.Path)));
            Assert.That(await Sha256Of(id, "--pdfa", receiver.Path), Is.EqualTo(await Sha256Of(id, "--pdfa", Data.Path)));
            Assert.That(await Sha256Of(id, "--metadata-xml", receiver.Path), Is.EqualTo(await Sha256Of(id, "--metadata-xml", Data.Path)),
                "the same TT 02 metadata");
        }
        // The same hits with the same scores (ties may come in another order: index order differs).
        Assert.That(await Hits("nộp lưu", receiver.Path), Is.EquivalentTo(await Hits("nộp lưu", Data.Path)).And.Count.EqualTo(2));
        Assert.That(await Hits("quyết định", receiver.Path), Is.EquivalentTo(await Hits("quyết định", Data.Path)));

        var verify = await Cli.RunAsync("verify", "--document", signed, "--json", "--data", receiver.Path);
        Assert.That(JsonDocument.Parse(verify.Stdout).RootElement.GetProperty("indication").GetString(), Is.EqualTo("TOTAL_PASSED"),
            verify.ToString());

        var before = History(Data.Path, signed);
        var after = History(receiver.Path, signed);
        Assert.That(after.Select(e => e.Id), Is.SupersetOf(before.Select(e => e.Id)), "every event of the sender is kept");
        Assert.That(before.Select(e => e.Type), Does.Contain("ingestion").And.Contain("validation").And.Contain("migration"));
        Assert.That(after.Last().Detail, Does.Contain("gói nộp lưu: NL.000.00.00.H42."));
    }

    private async Task<string> Ingest(string file, string number, string subject)
    {
        var metadata = Data.File($"m-{number}.json");
        await File.WriteAllTextAsync(metadata, $$"""
            {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"{{number}}","CodeNotation":"QĐ-UBND",
             "IssuedDate":"2019-04-12","Subject":"{{subject}}","PageAmount":1}
            """);
        var result = await Cli.RunAsync("ingest", file, "--dossier", DemoDossier.Code, "--metadata", metadata, "--json",
            "--data", Data.Path);
        var outcome = JsonDocument.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("accepted"), result.ToString());
        return outcome.GetProperty("id").GetString()!;
    }

    private async Task<string> Sha256Of(string id, string form, string data)
    {
        var file = Path.Combine(Data.Path, $"x-{Guid.NewGuid():N}");
        var export = await Cli.RunAsync("export", id, file, form, "--data", data);
        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        return Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file)));
    }

    private static async Task<List<string>> Hits(string query, string data)
    {
        var search = await Cli.RunAsync("search", query, "--json", "--data", data);
        return JsonDocument.Parse(search.Stdout).RootElement.GetProperty("hits").EnumerateArray()
            .Select(h => $"{h.GetProperty("id").GetString()} {h.GetProperty("score").GetDouble():F4}").ToList();
    }

    private static IReadOnlyList<Archive.Core.Preservation.PreservationEvent> History(string data, string id)
    {
        using var store = ArchiveStore.Open(new DataFolder(data), TimeProvider.System, Logger.None, catalog: CatalogEngines.CatalogOf(data));
        return new DocumentView(store, new CatalogService(store, TimeProvider.System), new AccessPolicy()).Of(id, Operator).History;
    }
}
