using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

public sealed class CatalogStoreTests
{
    private static Agency Agency(string code) => new()
    {
        Code = AgencyCode.Parse(code), Name = "Sở Nội vụ tỉnh Hà Tĩnh", CreatedAt = DateTimeOffset.UtcNow,
    };

    [Test]
    public void A_failed_write_rolls_back_its_records_and_its_audit_entries()
    {
        using var archive = new TestArchive();

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
        using var archive = new TestArchive();

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
        using var archive = new TestArchive();
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
    public async Task A_second_process_cannot_open_a_data_folder_that_is_in_use()
    {
        using var archive = new TestArchive();
        Assert.Throws<DataFolderInUseException>(() =>
            ArchiveStore.Open(archive.Folder, TimeProvider.System, new Serilog.LoggerConfiguration().CreateLogger()));

        var other = await Cli.RunChildAsync(["dossier", "list", "--data", archive.Folder.Root]);

        Assert.That(other.ExitCode, Is.EqualTo(75), other.ToString());
        Assert.That(other.Stderr, Does.Contain("đang được một tiến trình archive khác sử dụng"));
        Assert.That(other.Stderr, Does.Contain("/ho-so"), "names the page of the running server that lists dossiers");
        var search = await Cli.RunChildAsync(["search", "quy chế", "--data", archive.Folder.Root]);
        Assert.That(search.ExitCode, Is.EqualTo(75), search.ToString());
        Assert.That(search.Stderr, Does.Contain("/tim-kiem").And.Contain("/api/v1/search"));
    }
}
