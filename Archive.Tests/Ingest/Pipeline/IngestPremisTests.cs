using System.Security.Cryptography;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>Each ingest stage leaves a PREMIS event (DESIGN.md 5), shown in time order by `archive inbox show`.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class IngestPremisTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Metadata = """
        {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"05","CodeNotation":"QĐ-UBND",
         "IssuedDate":"2019-04-12","Subject":"Ban hành Quy chế văn bản điện tử","PageAmount":1,"Language":"vi"}
        """;

    private async Task<List<JsonElement>> Ingest(string metadata, params string[] files)
    {
        var path = Data.File($"m-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, metadata);
        var result = await Cli.RunAsync(["ingest", .. files, "--dossier", DemoDossier.Code, "--metadata", path, "--json", "--data", Data.Path]);
        Assert.That(result.ExitCode, Is.EqualTo(0).Or.EqualTo(1), result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private async Task<(JsonElement Item, List<JsonElement> Events)> Show(JsonElement outcome)
    {
        var shown = await Cli.RunAsync("inbox", "show", outcome.GetProperty("inboxId").GetString()!, "--json", "--data", Data.Path);
        Assert.That(shown.ExitCode, Is.Zero, shown.ToString());
        var item = JsonDocument.Parse(shown.Stdout).RootElement;
        return (item, item.GetProperty("events").EnumerateArray().ToList());
    }

    private static List<string> Types(List<JsonElement> events) => events.Select(e => e.GetProperty("type").GetString()!).ToList();

    private static string Detail(JsonElement e) => e.GetProperty("detail").GetString()!;

    private static string Outcome(JsonElement e) => e.GetProperty("outcome").GetString()!;

    [Test]
    public async Task An_accepted_pdf_has_ingestion_format_identification_validation_digest_and_migration_events_in_order()
    {
        var pdf = SamplePdf.Write(Data.File("qd-05.pdf"), $"Van ban PREMIS {Guid.NewGuid():N}");

        var outcome = (await Ingest(Metadata, pdf)).Single();
        var (item, events) = await Show(outcome);

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("accepted"), outcome.ToString());
        var types = Types(events);
        Assert.That(types[0], Is.EqualTo("ingestion"), string.Join(", ", types));
        Assert.That(types[^1], Is.EqualTo("migration"));
        Assert.That(types.IndexOf("format identification"), Is.EqualTo(1));
        Assert.That(types.IndexOf("validation"), Is.GreaterThan(1));
        Assert.That(types.LastIndexOf("validation"), Is.LessThan(types.Count - 1));
        Assert.That(events.Select(e => e.GetProperty("at").GetDateTimeOffset()), Is.Ordered, "listed in time order");
        Assert.That(events.Select(Outcome), Is.All.EqualTo("success"), string.Join("\n", events.Select(Detail)));
        Assert.That(Detail(events[1]), Does.Contain("PDF 1.7"));
        var validations = events.Where(e => e.GetProperty("type").GetString() == "validation").Select(Detail).ToList();
        Assert.That(validations, Has.Some.StartsWith("an toàn PDF").And.Some.StartsWith("siêu dữ liệu").And.Some.Contains("NO_SIGNATURE"));
        Assert.That(validations.Single(v => v.StartsWith("an toàn PDF", StringComparison.Ordinal)), Does.Contain("không mã hóa").And.Contain("1 trang"),
            "the safety stage says what it found");
        var digest = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(pdf)));
        Assert.That(item.GetProperty("digest").GetString(), Is.EqualTo(digest));
        Assert.That(events.Single(e => e.GetProperty("type").GetString() == "message digest calculation").GetProperty("detail").GetString(),
            Does.Contain(digest));
        Assert.That(events.Take(events.Count - 1).Select(e => e.GetProperty("objectId").GetString()), Is.All.EqualTo(item.GetProperty("id").GetString()),
            "events before filing name the inbox item");
        Assert.That(events[^1].GetProperty("objectId").GetString(), Is.EqualTo(outcome.GetProperty("id").GetString()),
            "the migration names the filed document, which the item leads to");

        var text = await Cli.RunAsync("inbox", "show", outcome.GetProperty("inboxId").GetString()!, "--data", Data.Path);
        Assert.That(text.Stdout, Does.Contain("Lịch sử bảo quản").And.Contain("Tiếp nhận").And.Contain("Nhận dạng định dạng")
            .And.Contain("Tính mã băm").And.Contain("Chuyển đổi định dạng để bảo quản"));
        Assert.That(text.Stdout.IndexOf("Tiếp nhận (ingestion)", StringComparison.Ordinal),
            Is.LessThan(text.Stdout.IndexOf("Chuyển đổi định dạng để bảo quản (migration)", StringComparison.Ordinal)));
    }

    [Test]
    public async Task A_rejected_file_has_a_failed_event_naming_the_failed_check()
    {
        var garbage = Data.File("rac.pdf");
        await File.WriteAllBytesAsync(garbage, RandomNumberGenerator.GetBytes(4096));
        var incomplete = SamplePdf.Write(Data.File("thieu.pdf"), $"Van ban thieu {Guid.NewGuid():N}");

        var outcomes = await Ingest("""{"CodeNumber":"7"}""", garbage, incomplete);

        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.All.EqualTo("rejected"));
        var (_, garbageEvents) = await Show(outcomes[0]);
        Assert.That(Types(garbageEvents), Is.EqualTo(new[] { "ingestion", "format identification", "message digest calculation", "validation" }),
            "nothing else is judged on a file of unknown kind");
        var identification = garbageEvents[1];
        Assert.That(Outcome(identification), Is.EqualTo("failure"));
        Assert.That(Detail(identification), Does.StartWith("định dạng: không đạt").And.Contain("Không nhận dạng được"));

        var (_, incompleteEvents) = await Show(outcomes[1]);
        var failed = incompleteEvents.Where(e => Outcome(e) == "failure").ToList();
        Assert.That(failed.Select(e => e.GetProperty("type").GetString()), Is.EqualTo(new[] { "validation" }));
        Assert.That(Detail(failed[0]), Does.StartWith("siêu dữ liệu: không đạt").And.Contain("Tên loại văn bản"));
        Assert.That(Types(incompleteEvents), Does.Not.Contain("migration"), "a returned document is not converted");
    }

    [Test]
    public async Task A_duplicate_gets_its_ingestion_event_and_a_failed_duplicate_check()
    {
        var pdf = SamplePdf.Write(Data.File("qd-05.pdf"), $"Van ban trung {Guid.NewGuid():N}");
        var first = (await Ingest(Metadata, pdf)).Single();

        var again = (await Ingest(Metadata, pdf)).Single();

        Assert.That(again.GetProperty("status").GetString(), Is.EqualTo("duplicate"));
        Assert.That(again.GetProperty("inboxId").GetString(), Is.Not.EqualTo(first.GetProperty("inboxId").GetString()));
        var (_, events) = await Show(again);
        Assert.That(Types(events)[0], Is.EqualTo("ingestion"));
        var duplicate = events.Single(e => Outcome(e) == "failure");
        Assert.That(Detail(duplicate), Does.StartWith("trùng lặp: không đạt").And.Contain("SHA-256"));
    }
}
