using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Application;

/// <summary>The dossier life cycle through the service and the CLI, with its audit trail.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class DossierLifecycleTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [Test]
    public async Task Open_then_closed_with_totals_then_reopened_with_a_reason_then_closed_again()
    {
        await AddAsync("a.txt", "05", pages: 3, date: "2019-03-02");
        await AddAsync("b.txt", "17", pages: 4, date: "2019-11-20");

        var closed = await RunJson("dossier", "close", DemoDossier.Code);
        Assert.That(closed.GetProperty("status").GetString(), Is.EqualTo("closed"));
        Assert.That(closed.GetProperty("docTotal").GetInt32(), Is.EqualTo(2));
        Assert.That(closed.GetProperty("pageTotal").GetInt32(), Is.EqualTo(7));
        Assert.That(closed.GetProperty("startDate").GetString(), Is.EqualTo("2019-03-02"));
        Assert.That(closed.GetProperty("endDate").GetString(), Is.EqualTo("2019-11-20"));

        var refused = await Cli.RunAsync(DemoDossier.AddDocument(await WriteAsync("c.txt"), Data.Path, "18"));
        Assert.That(refused.ExitCode, Is.EqualTo(64));
        Assert.That(refused.Stderr, Does.Contain("đã đóng"));

        var noReason = await Cli.RunAsync("dossier", "reopen", DemoDossier.Code, "--reason", "  ", "--data", Data.Path);
        Assert.That(noReason.ExitCode, Is.EqualTo(64), noReason.ToString());

        var reopened = await RunJson("dossier", "reopen", DemoDossier.Code, "--reason", "Bổ sung quyết định điều chỉnh");
        Assert.That(reopened.GetProperty("status").GetString(), Is.EqualTo("open"));
        await AddAsync("c.txt", "18", pages: 1, date: "2019-12-01");

        var closedAgain = await RunJson("dossier", "close", DemoDossier.Code);
        Assert.That(closedAgain.GetProperty("docTotal").GetInt32(), Is.EqualTo(3));
        Assert.That(closedAgain.GetProperty("pageTotal").GetInt32(), Is.EqualTo(8));
        Assert.That(closedAgain.GetProperty("endDate").GetString(), Is.EqualTo("2019-12-01"));

        var show = await RunJson("dossier", "show", DemoDossier.Code);
        var ordinals = show.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("docOrdinal").GetInt32());
        Assert.That(ordinals, Is.EqualTo(new[] { 1, 2, 3 }));

        var audit = (await Cli.RunAsync("audit", "list", "--data", Data.Path)).Stdout;
        Assert.That(audit, Does.Contain("dossier.close").And.Contain("dossier.reopen"));
        var reopenEntry = (await Cli.RunAsync("audit", "list", "--json", "--data", Data.Path)).Stdout
            .Split('\n').Single(l => l.Contains("dossier.reopen", StringComparison.Ordinal));
        Assert.That(reopenEntry, Does.Contain("Bổ sung quyết định điều chỉnh"));
    }

    [Test]
    public async Task Closing_a_closed_dossier_is_refused()
    {
        Assert.That((await Cli.RunAsync("dossier", "close", DemoDossier.Code, "--data", Data.Path)).ExitCode, Is.Zero);
        var again = await Cli.RunAsync("dossier", "close", DemoDossier.Code, "--data", Data.Path);
        Assert.That(again.ExitCode, Is.EqualTo(64));
        Assert.That(again.Stderr, Does.Contain(DemoDossier.Code));
    }

    [Test]
    public async Task A_document_code_given_twice_is_a_duplicate()
    {
        var file = await WriteAsync("x.txt");
        string[] withCode = [.. DemoDossier.AddDocument(file, Data.Path), "--set", "DocCode=000.00.00.H42.2019.000001"];
        Assert.That((await Cli.RunAsync(withCode)).ExitCode, Is.Zero);

        var second = await Cli.RunAsync([.. DemoDossier.AddDocument(await WriteAsync("y.txt"), Data.Path, "06"),
            "--set", "DocCode=000.00.00.H42.2019.000001"]);

        Assert.That(second.ExitCode, Is.EqualTo(64));
        Assert.That(second.Stderr, Does.Contain("000.00.00.H42.2019.000001"));
    }

    private async Task AddAsync(string name, string number, int pages, string date)
    {
        var result = await Cli.RunAsync(DemoDossier.AddDocument(await WriteAsync(name), Data.Path, number, pages, date));
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
    }

    private async Task<string> WriteAsync(string name)
    {
        var path = Data.File(name);
        await File.WriteAllTextAsync(path, $"Nội dung {name} {Guid.NewGuid()}");
        return path;
    }

    private async Task<JsonElement> RunJson(params string[] args)
    {
        var result = await Cli.RunAsync([.. args, "--json", "--data", Data.Path]);
        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement;
    }
}
