using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Tests.Support;
using LiteDB;

namespace Archive.Tests.Core.Storage;

/// <summary>
/// The catalog's log makes a transaction durable with two fsyncs instead of one per page, and stays
/// a log that LiteDB itself, opening the files by name as after a crash, recovers from.
/// </summary>
public sealed class CatalogFileStreamTests
{
    private static void AddAgency(LiteCatalogStore store, string code) => store.Write(TestArchive.Tester, session =>
    {
        session.Agencies.Insert(new Agency
        {
            Code = AgencyCode.Parse(code), Name = "Sở Nội vụ tỉnh Hà Tĩnh", CreatedAt = DateTimeOffset.UtcNow,
        });
        session.Record(new AuditChange("agency.create", "Agency", code, null, "{}"));
        return 0;
    });

    /// <summary>The catalog's files as a crash would leave them: copied while the store is still open, before any checkpoint.</summary>
    private static string CopyAsCrashed(TempFolder folder, string catalog, int dropLogBytes = 0)
    {
        // The log first: what a crash leaves of the data file is never newer than what it leaves of the log.
        var log = File.ReadAllBytes(catalog.Replace("catalog.db", "catalog-log.db", StringComparison.Ordinal));
        var copy = folder.File("crashed.db");
        File.Copy(catalog, copy);
        File.WriteAllBytes(folder.File("crashed-log.db"), log[..^dropLogBytes]);
        return copy;
    }

    private static IReadOnlyList<string> AgenciesAsLiteDbReads(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        return db.GetCollection(CatalogMapping.Agencies).FindAll().Select(d => d["_id"].AsString).Order(StringComparer.Ordinal).ToList();
    }

    [Test]
    public void This_LiteDB_tells_where_its_log_will_end_so_writes_need_no_checkpoint()
    {
        using var db = new LiteDatabase(new MemoryStream(), null, new MemoryStream());
        db.GetCollection("t").Insert(new BsonDocument { ["_id"] = 1 });

        var end = LiteDbLogEnd.Of(db);

        Assert.That(end, Is.Not.Null, "LiteDB's DiskService.GetVirtualLength is reachable (else every write checkpoints)");
        Assert.That(end!.Read(), Is.GreaterThan(0).And.Matches<long>(n => n % 8192 == 0), "a whole number of pages");
    }

    [Test]
    public void A_write_costs_two_fsyncs_of_the_log_however_many_pages_it_changes()
    {
        using var folder = new TempFolder("catalog-log");
        using var store = new LiteCatalogStore(folder.File("catalog.db"), TimeProvider.System, Serilog.Core.Logger.None);
        AddAgency(store, "000.00.01.H42");
        var before = store.LogFile.Syncs;

        AddAgency(store, "000.00.02.H42");

        Assert.That(store.LogFile.Syncs - before, Is.EqualTo(2));
        Assert.That(new FileInfo(folder.File("catalog-log.db")).Length, Is.GreaterThan(2 * 8192), "the write changed several pages");
    }

    [Test]
    public void LiteDB_recovers_every_committed_write_from_the_log_left_by_a_crash()
    {
        using var folder = new TempFolder("catalog-log");
        var catalog = folder.File("catalog.db");
        using var store = new LiteCatalogStore(catalog, TimeProvider.System, Serilog.Core.Logger.None);
        AddAgency(store, "000.00.01.H42");
        AddAgency(store, "000.00.02.H42");

        var crashed = CopyAsCrashed(folder, catalog);

        Assert.That(AgenciesAsLiteDbReads(crashed), Is.EqualTo(new[] { "000.00.01.H42", "000.00.02.H42" }));
    }

    [Test]
    public async Task Writes_awaited_concurrently_share_fsyncs_and_LiteDB_recovers_every_one()
    {
        using var folder = new TempFolder("catalog-log");
        var catalog = folder.File("catalog.db");
        using var store = new LiteCatalogStore(catalog, TimeProvider.System, Serilog.Core.Logger.None);
        var codes = Enumerable.Range(1, 24).Select(i => $"000.00.{i:D2}.H42").ToList();
        // The catalog's set-up (collections, indexes) reaches the disk with the first awaited write: counted apart.
        AddAgency(store, "000.00.99.H42");
        var setUp = store.LogFile.Syncs;

        await Task.WhenAll(codes.Select(code => Task.Run(() => store.WriteAsync(TestArchive.Tester, session =>
        {
            session.Agencies.Insert(new Agency
            {
                Code = AgencyCode.Parse(code), Name = "Sở Nội vụ tỉnh Hà Tĩnh", CreatedAt = DateTimeOffset.UtcNow,
            });
            return 0;
        }))));

        Assert.That(AgenciesAsLiteDbReads(CopyAsCrashed(folder, catalog)), Is.EqualTo(codes.Append("000.00.99.H42")));
        Assert.That(store.LogFile.Syncs - setUp, Is.LessThanOrEqualTo(2 * codes.Count), "at most two fsyncs a write");
    }

    [Test]
    public void A_write_whose_confirming_page_never_reached_the_disk_is_not_applied()
    {
        using var folder = new TempFolder("catalog-log");
        var catalog = folder.File("catalog.db");
        using var store = new LiteCatalogStore(catalog, TimeProvider.System, Serilog.Core.Logger.None);
        AddAgency(store, "000.00.01.H42");
        AddAgency(store, "000.00.02.H42");

        // The last page of the log is the second write's confirming page: lose it.
        var crashed = CopyAsCrashed(folder, catalog, dropLogBytes: 8192);

        Assert.That(AgenciesAsLiteDbReads(crashed), Is.EqualTo(new[] { "000.00.01.H42" }));
    }
}
