using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

/// <summary>
/// Catalog lookups by a value that changes from call to call are sent to LiteDB with the value as a parameter, and find what LiteDB's
/// own translation found: strings, enums, the catalog's value types, nulls, the id member, booleans, several terms joined by
/// "and". PostgreSQL is given the same terms: the lookups run on both engines.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ParameterisedQueryTests(CatalogEngine engine)
{
    [Test]
    public void Equalities_on_fields_become_parameters_and_the_value_stays_out_of_the_text()
    {
        var owner = "tai-lieu-1";
        var role = "pdfa";
        var query = ParameterisedQuery.From<BlobReference>(b => b.OwnerId == owner && b.Role == role, CatalogMapping.Create());
        Assert.That(query, Is.Not.Null);
        Assert.That(query!.Source, Does.Not.Contain(owner).And.Contain("@0").And.Contain("@1"));
        Assert.That(query.Source, Does.Contain("OwnerId").And.Contain("Role"));
        var id = "abc";
        Assert.That(ParameterisedQuery.From<BlobReference>(b => b.Id == id, CatalogMapping.Create())!.Source, Does.Contain("_id"));
        // Not an equality on a field: left to LiteDB.
        Assert.That(ParameterisedQuery.From<BlobReference>(b => b.Length > 5, CatalogMapping.Create()), Is.Null);
        Assert.That(ParameterisedQuery.From<InboxItem>(i => i.AwaitingPreservation, CatalogMapping.Create())!.Source,
            Does.Contain("AwaitingPreservation").And.Contain("@0"), "a boolean field alone means it is true");
    }

    [Test]
    public async Task The_catalog_finds_the_same_records_as_before()
    {
        using var archive = new TestArchive(engine);
        var documents = await archive.FileDocumentsAsync(3);
        var store = archive.Store;
        var code = documents[0].FileCode;
        var wanted = documents[1].Id;
        var pending = InboxStatus.Pending;
        store.Catalog.Write(TestArchive.Tester, s =>
        {
            s.Inbox.Insert(new InboxItem { Id = "i1", Status = InboxStatus.Accepted, DocumentId = wanted, Digest = "d1" });
            s.Inbox.Insert(new InboxItem { Id = "i2", Status = InboxStatus.Pending, DocumentId = wanted, Digest = "d2" });
            s.Inbox.Insert(new InboxItem
            {
                Id = "i3", Status = InboxStatus.Pending, DocumentId = null, Digest = "d3", AwaitingPreservation = true,
            });
            return 0;
        });
        store.Catalog.Read(s =>
        {
            Assert.That(s.Documents.Where(d => d.FileCode == code).Select(d => d.Id), Is.EquivalentTo(documents.Select(d => d.Id)));
            Assert.That(s.Blobs.Where(b => b.OwnerId == wanted && b.Role == "original"), Has.Count.EqualTo(1));
            Assert.That(s.Blobs.Where(b => b.OwnerId == wanted && b.Role == "pdfa"), Is.Empty);
            Assert.That(s.Inbox.Where(i => i.DocumentId == wanted && i.Status == InboxStatus.Accepted).Single().Id, Is.EqualTo("i1"));
            Assert.That(s.Inbox.Where(i => i.Status == pending).Select(i => i.Id), Is.EquivalentTo(new[] { "i2", "i3" }));
            Assert.That(s.Inbox.Where(i => i.DocumentId == null).Single().Id, Is.EqualTo("i3"));
            Assert.That(s.Inbox.Count(i => i.DocumentId == wanted), Is.EqualTo(2));
            Assert.That(s.Documents.Where(d => d.Id == wanted).Single().Id, Is.EqualTo(wanted));
            Assert.That(s.Inbox.Where(i => i.AwaitingPreservation).Single().Id, Is.EqualTo("i3"));
            Assert.That(s.Inbox.Where(i => !i.AwaitingPreservation).Select(i => i.Id), Is.EquivalentTo(new[] { "i1", "i2" }));
            Assert.That(s.Inbox.Where(i => i.Digest.StartsWith('d')), Has.Count.EqualTo(3), "not an equality: evaluated as read");
            return 0;
        });
    }
}
