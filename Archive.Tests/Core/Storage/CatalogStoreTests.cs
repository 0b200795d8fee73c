using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

/// <summary>What every catalog engine guarantees; each test runs on LiteDB and on PostgreSQL.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class CatalogStoreTests(CatalogEngine engine)
{
    private static Agency Agency(string code) => new()
    {
        Code = AgencyCode.Parse(code), Name = "Sở Nội vụ tỉnh Hà Tĩnh", CreatedAt = DateTimeOffset.UtcNow,
    };

    [Test]
    public void A_failed_write_rolls_back_its_records_and_its_audit_entries()
    {
        using var archive = new TestArchive(engine);

        Assert.Throws<InvalidOperationException>(() => archive.Store.Catalog.Write<int>(TestArchive.Tester, session =>
        {
            session.Agencies.Insert(Agency("000.00.01.H42"));
            session.Record(new AuditChange("agency.create", "Agency", "000.00.01.H42", null, null));
            throw new InvalidOperationException("failure after the insert");
        }));

        Assert.That(archive.Store.Catalog.Read(s => s.Agencies.Count()), Is.Zero);
        Assert.That(archive.Store.Catalog.AuditEntries(), Is.Empty);
        Assert.That(archive.Store.Catalog.VerifyAudit().IsIntact);
    }

    [Test]
    public void A_read_session_cannot_change_the_catalog_behind_the_audit_log()
    {
        using var archive = new TestArchive(engine);

        Assert.Throws<InvalidOperationException>(() => archive.Store.Catalog.Read(s =>
        {
            s.Agencies.Insert(Agency("000.00.02.H42"));
            return 0;
        }));
        Assert.That(archive.Store.Catalog.Read(s => s.Agencies.Count()), Is.Zero);
    }

    [Test]
    public void Records_and_the_audit_chain_survive_a_restart()
    {
        using var archive = new TestArchive(engine);
        archive.Store.Catalog.Write(TestArchive.Tester, session =>
        {
            session.Agencies.Insert(Agency("000.00.03.H42"));
            session.Record(new AuditChange("agency.create", "Agency", "000.00.03.H42", null, "{}"));
            return 0;
        });

        archive.Reopen();

        var stored = archive.Store.Catalog.Read(s => s.Agencies.Get("000.00.03.H42"));
        Assert.That(stored, Is.Not.Null);
        Assert.That(stored!.Code, Is.EqualTo(AgencyCode.Parse("000.00.03.H42")));
        var entry = archive.Store.Catalog.AuditEntries().Single();
        Assert.That(entry.Actor, Is.EqualTo("tester"));
        Assert.That(entry.Origin, Is.EqualTo("unit-test"));
        Assert.That(entry.PreviousHash, Is.EqualTo(AuditChain.Genesis));
        Assert.That(archive.Store.Catalog.VerifyAudit().IsIntact);
    }

    [Test]
    public async Task Records_are_found_by_their_fields_changed_and_removed_alike_in_every_engine()
    {
        using var archive = new TestArchive(engine);
        var filed = await archive.FileDocumentsAsync(3);
        var catalog = archive.Store.Catalog;
        var fileCode = filed[0].FileCode;
        var first = filed[0].Id;

        var found = catalog.Read(s => s.Documents.Where(d => d.FileCode == fileCode));
        Assert.That(found.Select(d => d.Id), Is.EquivalentTo(filed.Select(d => d.Id)));
        Assert.That(found.Single(d => d.Id == filed[1].Id), Is.EqualTo(filed[1]), "every field comes back as it was written");
        Assert.That(catalog.Read(s => s.Documents.Count(d => d.FileCode == fileCode && d.DocOrdinal == 2)), Is.EqualTo(1));
        // Not an equality: evaluated on the records as read, with the same answer.
        Assert.That(catalog.Read(s => s.Documents.Where(d => d.DocOrdinal > 1)).Select(d => d.DocOrdinal), Is.EquivalentTo(new[] { 2, 3 }));
        Assert.That(catalog.Read(s => s.Documents.Where(d => d.Keyword == null)), Has.Count.EqualTo(3), "a field never set is null");
        Assert.That(catalog.Read(s => s.Blobs.Where(b => b.OwnerId == first)), Is.Not.Empty);

        catalog.Write(TestArchive.Tester, s =>
        {
            s.Documents.Update(filed[0] with { Subject = "Trích yếu đã sửa" });
            s.Documents.Delete(filed[2].Id);
            return 0;
        });

        Assert.That(catalog.Read(s => s.Documents.Get(filed[0].Id))!.Subject, Is.EqualTo("Trích yếu đã sửa"));
        Assert.That(catalog.Read(s => s.Documents.Exists(filed[2].Id)), Is.False);
        Assert.That(catalog.Read(s => s.Documents.Count()), Is.EqualTo(2));
        Assert.Throws<InvalidOperationException>(() => catalog.Write(TestArchive.Tester, s =>
        {
            s.Documents.Delete(filed[2].Id);
            return 0;
        }), "removing what is not there is an error, not a silent success");
    }

    [Test]
    public async Task A_second_document_with_the_same_code_is_refused_by_the_index_and_nothing_of_its_write_is_kept()
    {
        using var archive = new TestArchive(engine);
        var filed = await archive.FileDocumentsAsync(1);
        var entries = archive.Store.Catalog.AuditEntries().Count;

        Assert.That(() => archive.Store.Catalog.Write(TestArchive.Tester, s =>
        {
            s.Agencies.Insert(Agency("000.00.09.H42"));
            s.Documents.Insert(filed[0] with { Id = "another-id" });
            s.Record(new AuditChange("document.file", "ArchivedDocument", "another-id", null, null));
            return 0;
        }), Throws.Exception);

        Assert.That(archive.Store.Catalog.Read(s => s.Documents.Count()), Is.EqualTo(1));
        Assert.That(archive.Store.Catalog.Read(s => s.Agencies.Exists("000.00.09.H42")), Is.False, "the whole write rolled back");
        Assert.That(archive.Store.Catalog.AuditEntries(), Has.Count.EqualTo(entries));
    }

    [Test]
    public async Task Writers_on_several_threads_take_numbers_without_gap_or_repeat_and_keep_one_audit_chain()
    {
        using var archive = new TestArchive(engine);
        // On PostgreSQL a second node: its own connections to the same database.
        using var other = engine == CatalogEngine.Postgres
            ? Archive.Core.Storage.Postgres.PostgresCatalogStore.Open(archive.Catalog.PostgresConnectionString!, TimeProvider.System,
                Serilog.Core.Logger.None)
            : null;
        var nodes = new[] { archive.Store.Catalog, other ?? archive.Store.Catalog };
        const int writers = 4, each = 15;

        var taken = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var numbers = new List<int>();
            for (var i = 0; i < each; i++)
                numbers.Add(await nodes[w % 2].WriteAsync(TestArchive.Tester, s => TakeNumber(s, "000.00.00.H42|den|2026")));
            return numbers;
        })));

        Assert.That(taken.SelectMany(n => n).Order(), Is.EqualTo(Enumerable.Range(1, writers * each)));
        var audit = archive.Store.Catalog.AuditEntries();
        Assert.That(audit.Select(e => e.After), Is.EquivalentTo(Enumerable.Range(1, writers * each).Select(n => n.ToString())));
        Assert.That(archive.Store.Catalog.VerifyAudit().IsIntact);
    }

    private static int TakeNumber(ICatalogSession session, string counter)
    {
        var current = session.RegisterCounters.Get(counter);
        var next = (current?.Last ?? 0) + 1;
        if (current is null) session.RegisterCounters.Insert(new Archive.Core.Issuing.RegisterCounter { Id = counter, Last = next });
        else session.RegisterCounters.Update(current with { Last = next });
        session.Record(new AuditChange("number.take", "RegisterCounter", counter, null, next.ToString()));
        return next;
    }
}
