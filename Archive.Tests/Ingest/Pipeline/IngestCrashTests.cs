using System.Text;
using System.Text.Json;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>Kills `archive ingest` at random points, restarts it, and checks nothing is lost, half-done or done twice.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class IngestCrashTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private static readonly string[] Points =
    [
        CrashPoint.BlobMidWrite, CrashPoint.BeforeCatalogCommit, CrashPoint.AfterReceive, CrashPoint.BeforeFilingCommit, CrashPoint.BlobBeforeRename,
        CrashPoint.BeforePreservation,
    ];

    [Test]
    public async Task Twenty_ingests_killed_at_random_points_end_with_every_document_filed_once_and_numbers_without_gaps()
    {
        var random = new Random(20261124);
        const int runs = 20;
        var killedAt = new List<string>();
        for (var i = 0; i < runs; i++)
        {
            var file = SamplePdf.Write(Data.File($"qd-{i:D2}.pdf"), $"Van ban {i} {Guid.NewGuid():N}");
            var metadata = Data.File($"qd-{i:D2}.json");
            await File.WriteAllTextAsync(metadata, $$"""
                {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"{{i + 10}}","CodeNotation":"QĐ-UBND",
                 "IssuedDate":"2019-04-12","Subject":"Quyết định số {{i + 10}}","PageAmount":1}
                """);
            string[] ingest = ["ingest", file, "--dossier", DemoDossier.Code, "--metadata", metadata, "--data", Data.Path];
            var point = Points[random.Next(Points.Length)];
            var crashed = await Cli.RunChildAsync(ingest, new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = point });
            Assert.That(crashed.ExitCode, Is.Not.EqualTo(0).And.Not.EqualTo(1).And.Not.EqualTo(64), $"run {i} must be killed at {point}: {crashed}");
            killedAt.Add(point);

            // The restart: the officer runs the same command again.
            var again = await Cli.RunAsync(ingest);
            Assert.That(again.ExitCode, Is.EqualTo(0).Or.EqualTo(1), again.ToString());
        }

        var documents = JsonDocument.Parse((await Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", Data.Path)).Stdout)
            .RootElement.GetProperty("documents").EnumerateArray().ToList();
        Assert.That(documents.Select(d => d.GetProperty("codeNumber").GetString()).Order(),
            Is.EqualTo(Enumerable.Range(10, runs).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order()),
            "every document filed exactly once");
        using (var store = ArchiveStore.Open(new DataFolder(Data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: Catalog))
        {
            var numbers = store.Catalog.Read(s => s.Arrivals.All()).Select(a => a.Number).Order().ToList();
            Assert.That(numbers, Is.EqualTo(Enumerable.Range(1, runs)), "arrival numbers without gap or repeat");
            Assert.That(store.Catalog.Read(s => s.Inbox.Where(i => i.Status == Archive.Core.Registry.InboxStatus.Pending)), Is.Empty);
            Assert.That(store.CheckConsistency().MissingBlobs, Is.Empty);
            if (Engine == CatalogEngine.LiteDb)
                Assert.That(store.CheckConsistency().AbandonedWrites, Is.Empty, "partial writes are cleared when the archive opens");
            else
            {
                // A shared folder: another node may be writing, so opening leaves them; collecting removes the untouched ones.
                Assert.That(store.CheckConsistency().AbandonedWrites, Is.Not.Empty, "the kills mid-write left partial writes");
                store.CollectOrphans(TimeSpan.Zero, TestArchive.Tester);
                Assert.That(store.CheckConsistency().AbandonedWrites, Is.Empty, "collected");
            }
            Assert.That(store.Catalog.VerifyAudit().IsIntact);
            // Events commit with their item or document: none without it, and every item has its ingestion event.
            var items = store.Catalog.Read(s => s.Inbox.All());
            var objects = items.Select(i => i.Id).Concat(store.Catalog.Read(s => s.Documents.All()).Select(d => d.Id)).ToHashSet();
            var events = store.Catalog.Read(s => s.Events.All());
            Assert.That(events.Select(e => e.ObjectId).Where(o => !objects.Contains(o)), Is.Empty, "no event without its object");
            Assert.That(items.Where(i => !events.Any(e => e.ObjectId == i.Id && e.Type == "ingestion")).Select(i => i.Id), Is.Empty,
                "no inbox item without its ingestion event");
            // A run stopped after filing leaves the PDF/A to the next one: every document ends with its copy.
            var copies = store.Catalog.Read(s => s.Blobs.Where(b => b.Role == "pdfa")).Select(b => b.OwnerId).ToHashSet();
            var filed = store.Catalog.Read(s => s.Documents.All()).Select(d => d.Id).ToList();
            Assert.That(filed.Where(d => !copies.Contains(d)), Is.Empty, "every filed document has its PDF/A copy");
            Assert.That(events.Count(e => e.Type == "migration"), Is.EqualTo(runs), "one preservation event per document, none twice");
            Assert.That(items.Where(i => i.AwaitingPreservation).Select(i => i.SourceName), Is.Empty, "nothing left awaiting preservation");
        }
        Assert.That(killedAt.Distinct(), Is.EquivalentTo(Points), "the runs cover every crash point");
    }
}
