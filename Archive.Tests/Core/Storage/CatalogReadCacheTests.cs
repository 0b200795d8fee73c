using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class CatalogReadCacheTests(CatalogEngine engine)
{
    [Test]
    public void A_kept_value_is_read_again_after_any_write_and_a_failed_write_keeps_it()
    {
        using var archive = new TestArchive(engine);
        var catalog = archive.Store.Catalog;
        var cache = new CatalogReadCache<string, int>(catalog);
        var reads = 0;
        int Agencies() => cache.Read("agencies", s =>
        {
            reads++;
            return s.Agencies.Count();
        });
        void AddAgency(string code) => catalog.Write(TestArchive.Tester, s =>
        {
            s.Agencies.Insert(new Agency { Code = AgencyCode.Parse(code), Name = "Sở Nội vụ", CreatedAt = DateTimeOffset.UtcNow });
            return 0;
        });

        Assert.That((Agencies(), Agencies(), reads), Is.EqualTo((0, 0, 1)), "read once while the catalog stands still");
        AddAgency("000.00.01.H42");
        Assert.That((Agencies(), reads), Is.EqualTo((1, 2)), "a write makes the kept value stale");
        Assert.Throws<InvalidOperationException>(() => catalog.Write<int>(TestArchive.Tester, _ => throw new InvalidOperationException()));
        Assert.That((Agencies(), reads), Is.EqualTo((1, 2)), "a rolled-back write changed nothing");
    }

    [Test]
    public void Keys_are_kept_apart_and_the_cache_stays_within_its_capacity()
    {
        using var archive = new TestArchive(engine);
        var cache = new CatalogReadCache<int, int>(archive.Store.Catalog, capacity: 4);
        var reads = 0;
        int Read(int key) => cache.Read(key, _ =>
        {
            reads++;
            return key * 10;
        });

        Assert.That(Enumerable.Range(0, 4).Select(Read), Is.EqualTo(new[] { 0, 10, 20, 30 }));
        Assert.That((Read(3), reads), Is.EqualTo((30, 4)));
        Read(4);
        Assert.That((Read(0), reads), Is.EqualTo((0, 6)), "the fifth key cleared what was kept");
    }
}
