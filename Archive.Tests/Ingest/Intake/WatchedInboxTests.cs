using Archive.Core.Application;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Ingest.Intake;
using Archive.Ingest.Pipeline;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Ingest.Intake;

/// <summary>One look at the watched folder at a time, called directly, with a clock the test holds still.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class WatchedInboxTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private ArchiveStore _store = null!;
    private WatchFolder _watch = null!;
    private WatchedInbox _watched = null!;

    [SetUp]
    public void OpenWatchedInbox()
    {
        _watch = new WatchFolder(Data.File("hop-thu-den"));
        // Held long before any file's time: only two looks that agree can say a file is complete.
        var clock = new SettableClock(new DateTimeOffset(2019, 4, 12, 8, 0, 0, TimeSpan.FromHours(7)));
        _store = ArchiveStore.Open(new DataFolder(Data.Path), clock, Logger.None, catalog: Catalog);
        var inbox = new RecordsInbox(_store, clock);
        var pipeline = new IngestPipeline([new FormatCheck(), new MetadataCheck(clock)], inbox, null, CrashPoint.None, clock, Logger.None);
        _watched = new WatchedInbox(new WatchFolderOptions(_watch.Path, DemoDossier.Code, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)),
            new IngestBatch(pipeline, inbox, new Archive.Core.Indexing.ArchiveIndexing(_store, new NoIndex(), Logger.None), Logger.None),
            inbox, CrashPoint.None, TestArchive.Tester, clock, Logger.None);
    }

    [TearDown]
    public void CloseStore()
    {
        _store.Dispose();
    }

    private Task<WatchPoll> Look() => _watched.PollAsync(new Progress<string>(), CancellationToken.None);

    [Test]
    public async Task A_file_that_grows_between_two_looks_is_left_alone_until_two_looks_agree()
    {
        var growing = Path.Combine(_watch.Path, "dang-chep.pdf");
        var full = await File.ReadAllBytesAsync(SamplePdf.Write(Data.File("src.pdf"), "Van ban dang chep"));
        await File.WriteAllBytesAsync(growing, full[..(full.Length / 2)]);
        await File.WriteAllTextAsync(growing + ".json", WatchFolder.Metadata(9));

        var first = await Look();
        await using (var append = new FileStream(growing, FileMode.Append)) await append.WriteAsync(full.AsMemory(full.Length / 2));
        var second = await Look();
        var third = await Look();

        Assert.That(first.Finished, Is.Empty);
        Assert.That(first.Waiting, Is.EqualTo(new[] { "dang-chep.pdf" }), "seen once: not yet known to be complete");
        Assert.That(second.Finished, Is.Empty, "it grew since the first look");
        Assert.That(second.Waiting, Is.EqualTo(new[] { "dang-chep.pdf" }));
        Assert.That(third.Finished.Single().Outcomes.Single().Status, Is.EqualTo(IngestOutcome.Accepted), "whole, it is a valid PDF");
        Assert.That(File.Exists(Path.Combine(_watch.Accepted, "dang-chep.pdf")));
        Assert.That(_store.Catalog.Read(s => s.Inbox.All()).Single().Length, Is.EqualTo(full.Length), "the inbox got the whole file");
    }

    [Test]
    public async Task A_file_held_open_by_its_writer_is_not_taken_until_it_is_closed()
    {
        var path = Path.Combine(_watch.Path, "dang-ghi.pdf");
        await File.WriteAllTextAsync(path + ".json", WatchFolder.Metadata(10));
        var writer = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        await writer.WriteAsync(await File.ReadAllBytesAsync(SamplePdf.Write(Data.File("src.pdf"), "Van ban dang ghi")));
        await writer.FlushAsync();

        await Look();
        var whileOpen = await Look();
        await writer.DisposeAsync();
        var closed = await Look();

        Assert.That(whileOpen.Finished, Is.Empty, "unchanged between looks, but its writer still holds it");
        Assert.That(whileOpen.Waiting, Is.EqualTo(new[] { "dang-ghi.pdf" }));
        Assert.That(closed.Finished.Select(r => r.File), Is.EqualTo(new[] { "dang-ghi.pdf" }));
    }

    [Test]
    public async Task Hidden_temporary_and_subfolder_files_are_never_taken()
    {
        var pdf = SamplePdf.Write(Data.File("src.pdf"), "Van ban an");
        string[] ignored = [".an.pdf", "~$bao-cao.docx", "tai-ve.pdf.part", Path.Combine("thu-muc-con", "long.pdf")];
        Directory.CreateDirectory(Path.Combine(_watch.Path, "thu-muc-con"));
        foreach (var name in ignored) File.Copy(pdf, Path.Combine(_watch.Path, name));

        var first = await Look();
        var second = await Look();

        Assert.That(first.Finished.Concat(second.Finished), Is.Empty);
        Assert.That(first.Waiting.Concat(second.Waiting), Is.Empty, "not even considered");
        Assert.That(ignored.Select(n => File.Exists(Path.Combine(_watch.Path, n))), Is.All.True, "left where they are");
        Assert.That(_store.Catalog.Read(s => s.Inbox.All()), Is.Empty);
    }

    [Test]
    public async Task A_sidecar_that_is_not_metadata_returns_the_file_with_the_reason_and_ingests_nothing()
    {
        _watch.Drop(SamplePdf.Write(Data.File("src.pdf"), "Van ban sai"), "sai.pdf", """{"Tieu de": "không phải trường TT 02"}""");

        await Look();
        var look = await Look();

        Assert.That(look.Finished.Single().MovedTo, Is.EqualTo(WatchFolderLayout.ReturnedFolderName));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(_watch.Returned, "sai.pdf.ly-do.txt")), Does.Contain("Tieu de"));
        Assert.That(File.Exists(Path.Combine(_watch.Returned, "sai.pdf.json")));
        Assert.That(_store.Catalog.Read(s => s.Inbox.Where(i => i.Status != InboxStatus.Rejected)), Is.Empty);
    }

    private sealed class NoIndex : Archive.Core.Indexing.IArchiveIndex
    {
        public bool NeedsRebuild => false;
        public Task IndexAsync(Archive.Core.Indexing.IndexedDocument document, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task IndexAsync(IEnumerable<Archive.Core.Indexing.IndexedDocument> documents, CancellationToken cancellationToken) =>
            Task.CompletedTask;
        public Task RemoveAsync(string documentId, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<int> RebuildAsync(IEnumerable<Archive.Core.Indexing.IndexedDocument> documents, CancellationToken cancellationToken) =>
            Task.FromResult(0);
    }
}
