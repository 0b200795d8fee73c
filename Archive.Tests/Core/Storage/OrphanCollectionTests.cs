using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

/// <summary>Blobs left by writes cut off before their transaction are removed once no write can still be on its way with them.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class OrphanCollectionTests(CatalogEngine engine)
{
    [Test]
    public async Task Only_orphans_untouched_for_the_grace_period_are_removed_and_storing_the_same_bytes_again_touches_them()
    {
        using var archive = new TestArchive(engine);
        await archive.FileDocumentsAsync(1);
        var blobs = archive.Store.FileBlobs;
        var old = await blobs.PutAsync(new MemoryStream("một lần ghi bị cắt ngang hôm qua"u8.ToArray()), CancellationToken.None);
        var recent = await blobs.PutAsync(new MemoryStream("một lần ghi vừa xong"u8.ToArray()), CancellationToken.None);
        var again = await blobs.PutAsync(new MemoryStream("ghi dở hôm qua, nay có người gửi lại"u8.ToArray()), CancellationToken.None);
        File.SetLastWriteTimeUtc(blobs.Location(old.Digest), DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(blobs.Location(again.Digest), DateTime.UtcNow.AddDays(-2));
        // The same bytes received again, on their way to the catalog: the file is kept and its time made now.
        await blobs.PutAsync(new MemoryStream("ghi dở hôm qua, nay có người gửi lại"u8.ToArray()), CancellationToken.None);
        var entries = archive.Store.Catalog.AuditEntries().Count;

        var removed = archive.Store.CollectOrphans(TimeSpan.FromDays(1), TestArchive.Tester);

        Assert.That(removed, Is.EqualTo(new[] { old.Digest.Hex }));
        Assert.That(blobs.Exists(old.Digest), Is.False);
        Assert.That(blobs.Exists(recent.Digest) && blobs.Exists(again.Digest), "what was written lately is spared");
        var report = archive.Store.CheckConsistency();
        Assert.That(report.MissingBlobs, Is.Empty, "no referenced blob is touched");
        Assert.That(report.OrphanBlobs, Is.EquivalentTo(new[] { recent.Digest.Hex, again.Digest.Hex }));
        var audit = archive.Store.Catalog.AuditEntries();
        Assert.That(audit, Has.Count.EqualTo(entries + 1));
        Assert.That(audit[^1].Action, Is.EqualTo("blob.collect"));
        Assert.That(archive.Store.CollectOrphans(TimeSpan.FromDays(1), TestArchive.Tester), Is.Empty, "nothing more, and no entry");
        Assert.That(archive.Store.Catalog.AuditEntries(), Has.Count.EqualTo(entries + 1));
    }

    [Test]
    public async Task Partial_writes_untouched_for_the_grace_period_are_collected_with_the_orphans()
    {
        // A node killed mid-write leaves its temporary file; where nodes share the folder, opening the archive leaves it too.
        using var archive = new TestArchive(engine);
        await archive.FileDocumentsAsync(1);
        var temp = Path.Combine(archive.Folder.Blobs, "tmp");
        var old = Path.Combine(temp, "cat-ngang-hom-qua.part");
        var recent = Path.Combine(temp, "dang-ghi.part");
        await File.WriteAllTextAsync(old, "một phần");
        await File.WriteAllTextAsync(recent, "một phần khác");
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-2));

        archive.Store.CollectOrphans(TimeSpan.FromDays(1), TestArchive.Tester);

        Assert.That(archive.Store.CheckConsistency().AbandonedWrites, Is.EqualTo(new[] { recent }), "a write on its way is spared");
    }
}
