using System.Text.Json;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Intake;

/// <summary>`archive ingest --watch DIR --once`: the watched inbox folder, end to end through the command line.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class WatchedFolderTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private WatchFolder _watch = null!;

    [SetUp]
    public void CreateWatchFolder() => _watch = new WatchFolder(Data.File("hop-thu-den"));

    private async Task<(CliResult Result, List<JsonElement> Outcomes)> Once(IDictionary<string, string>? crashAt = null)
    {
        string[] args = ["ingest", "--watch", _watch.Path, "--once", "--dossier", DemoDossier.Code, "--json", "--data", Data.Path];
        var result = crashAt is null ? await Cli.RunAsync(args) : await Cli.RunChildAsync(args, crashAt);
        var outcomes = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith('{'))
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (result, outcomes);
    }

    private List<JsonElement> DossierDocuments() =>
        JsonDocument.Parse(Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", Data.Path).Result.Stdout).RootElement
            .GetProperty("documents").EnumerateArray().ToList();

    private InboxItem[] Inbox()
    {
        using var store = ArchiveStore.Open(new DataFolder(Data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: Catalog);
        return store.Catalog.Read(s => s.Inbox.All()).ToArray();
    }

    [Test]
    public async Task Two_pdfs_dropped_with_their_sidecars_are_accepted_filed_and_moved_to_da_tiep_nhan()
    {
        _watch.Drop(WatchFolder.SamplePdfFixture, "quyet-dinh-quy-che.pdf", WatchFolder.Metadata(5));
        _watch.Drop(SamplePdf.Write(Data.File("src.pdf"), $"Quyet dinh {Guid.NewGuid():N}"), "qd-06.pdf", WatchFolder.Metadata(6));

        var (result, outcomes) = await Once();

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.EqualTo(new[] { "accepted", "accepted" }), result.ToString());
        Assert.That(outcomes.Select(o => o.GetProperty("file").GetString()), Is.EquivalentTo(new[] { "quyet-dinh-quy-che.pdf", "qd-06.pdf" }));
        Assert.That(Directory.GetFiles(_watch.Accepted).Select(Path.GetFileName),
            Is.EquivalentTo(new[] { "quyet-dinh-quy-che.pdf", "quyet-dinh-quy-che.pdf.json", "qd-06.pdf", "qd-06.pdf.json" }));
        Assert.That(Directory.GetFiles(_watch.Path), Is.Empty, "nothing is left at the top of the folder");
        Assert.That(File.ReadAllBytes(Path.Combine(_watch.Accepted, "quyet-dinh-quy-che.pdf")), Is.EqualTo(File.ReadAllBytes(WatchFolder.SamplePdfFixture)),
            "the file is moved as received");
        Assert.That(DossierDocuments().Select(d => d.GetProperty("codeNumber").GetString()), Is.EquivalentTo(new[] { "05", "06" }),
            "the sidecar's metadata went with each file");
    }

    [Test]
    public async Task A_garbage_file_is_returned_to_tra_lai_with_the_reasons_beside_it_and_stays_in_the_inbox()
    {
        var garbage = Data.File("rac.bin");
        await File.WriteAllBytesAsync(garbage, System.Security.Cryptography.RandomNumberGenerator.GetBytes(4096));
        _watch.Drop(garbage, "cong-van.pdf", WatchFolder.Metadata(7));

        var (result, outcomes) = await Once();

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(outcomes.Single().GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(File.Exists(Path.Combine(_watch.Returned, "cong-van.pdf")), "returned, not deleted");
        Assert.That(File.Exists(Path.Combine(_watch.Returned, "cong-van.pdf.json")), "its sidecar travels with it");
        var reasons = await File.ReadAllTextAsync(Path.Combine(_watch.Returned, "cong-van.pdf.ly-do.txt"));
        Assert.That(reasons, Does.Contain("Không nhận dạng được định dạng").And.Contain("cong-van.pdf"));
        var item = Inbox().Single();
        Assert.That(item.Status, Is.EqualTo(InboxStatus.Rejected));
        Assert.That(item.SourceName, Is.EqualTo("cong-van.pdf"));
        Assert.That(item.Reasons, Has.Some.Contains("Không nhận dạng được định dạng"));
        Assert.That(DossierDocuments(), Is.Empty);
    }

    [Test]
    public async Task A_run_killed_after_the_inbox_took_a_file_but_before_moving_it_is_finished_by_the_next_run_without_a_second_copy()
    {
        _watch.Drop(SamplePdf.Write(Data.File("src.pdf"), $"Quyet dinh {Guid.NewGuid():N}"), "qd-08.pdf", WatchFolder.Metadata(8));

        var (crashed, _) = await Once(new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.IntakeBeforeMove });
        Assert.That(crashed.ExitCode, Is.Not.EqualTo(0).And.Not.EqualTo(1).And.Not.EqualTo(64), $"the run must be killed: {crashed}");
        Assert.That(File.Exists(Path.Combine(_watch.Claimed, "qd-08.pdf")), "killed while the file was taken but not moved");
        Assert.That(Inbox().Single().Status, Is.EqualTo(InboxStatus.Accepted), "the inbox had it when the run was killed");

        var (again, outcomes) = await Once();

        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(outcomes.Single().GetProperty("status").GetString(), Is.EqualTo("accepted"));
        Assert.That(again.Stderr, Does.Contain("lần chạy trước"));
        Assert.That(File.Exists(Path.Combine(_watch.Accepted, "qd-08.pdf")) && File.Exists(Path.Combine(_watch.Accepted, "qd-08.pdf.json")));
        Assert.That(Directory.GetFiles(_watch.Claimed), Is.Empty);
        Assert.That(Inbox(), Has.Length.EqualTo(1), "received once, not twice");
        Assert.That(DossierDocuments(), Has.Count.EqualTo(1), "one copy in the catalog");
    }

    [Test]
    public async Task An_unsigned_envelope_from_another_agency_goes_to_tra_lai_with_its_status_for_the_sender()
    {
        var pdf = await File.ReadAllBytesAsync(SamplePdf.Write(Data.File("dinh-kem.pdf"), $"Cong van {Guid.NewGuid():N}"));
        _watch.Drop(Archive.Tests.Ingest.Exchange.EdXmlEnvelope.Write(Data.File("src.edxml"), "../../cong-van.pdf", pdf, new DateOnly(2019, 4, 12)), "goi-tin.edxml");

        var (result, outcomes) = await Once();

        Assert.That(outcomes.Single().GetProperty("status").GetString(), Is.EqualTo("rejected"), result.ToString());
        Assert.That(outcomes.Single().GetProperty("file").GetString(), Is.EqualTo("cong-van.pdf"));
        Assert.That(File.Exists(Path.Combine(_watch.Returned, "goi-tin.edxml")));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_watch.Returned, "goi-tin.edxml.ly-do.txt")), Does.Contain("cong-van.pdf: Chữ ký số"));
        var status = System.Xml.Linq.XDocument.Load(Path.Combine(_watch.Returned, "goi-tin.edxml.status.xml"));
        Assert.That(status.Descendants().Single(e => e.Name.LocalName == "StatusCode").Value, Is.EqualTo("02"), "the status travels with the envelope");
        Assert.That(Directory.GetFiles(_watch.Claimed), Is.Empty);
    }

    [Test]
    public async Task Serve_looks_at_the_configured_watch_folder_in_the_background()
    {
        _watch.Drop(SamplePdf.Write(Data.File("src.pdf"), $"Quyet dinh {Guid.NewGuid():N}"), "qd-11.pdf", WatchFolder.Metadata(11));
        var port = Archive.Tests.Web.ServeTests.FreeLoopbackPort();
        using var server = System.Diagnostics.Process.Start(Cli.ChildProcess(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", Data.Path],
            new Dictionary<string, string>
            {
                ["ARCHIVE__Archive__Ingest__WatchFolder"] = _watch.Path, ["ARCHIVE__Archive__Ingest__WatchDossier"] = DemoDossier.Code,
                ["ARCHIVE__Archive__Ingest__WatchIntervalSeconds"] = "0.2",
            }))!;
        var stderr = server.StandardError.ReadToEndAsync();
        _ = server.StandardOutput.ReadToEndAsync();
        var moved = Path.Combine(_watch.Accepted, "qd-11.pdf");
        try
        {
            // Bounded by attempts (a child process starting and converting), not a performance assertion.
            for (var attempt = 0; attempt < 600 && !File.Exists(moved) && !server.HasExited; attempt++) await Task.Delay(100);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        Assert.That(File.Exists(moved), $"the server never took the file; its log:\n{await stderr}");
        Assert.That(DossierDocuments().Single().GetProperty("codeNumber").GetString(), Is.EqualTo("11"));
    }

    [Test]
    public async Task Without_once_or_files_the_command_says_what_it_needs()
    {
        var neither = await Cli.RunAsync("ingest", "--data", Data.Path);
        var onceAlone = await Cli.RunAsync("ingest", "x.pdf", "--once", "--data", Data.Path);

        Assert.That(neither.ExitCode, Is.EqualTo(64));
        Assert.That(neither.Stderr, Does.Contain("--watch"));
        Assert.That(onceAlone.ExitCode, Is.EqualTo(64));
        Assert.That(onceAlone.Stderr, Does.Contain("--once"));
    }
}
