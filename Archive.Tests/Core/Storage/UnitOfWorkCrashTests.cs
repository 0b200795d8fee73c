using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class UnitOfWorkCrashTests(CatalogEngine engine)
{
    [Test]
    public async Task Killed_between_blob_write_and_catalog_commit_the_catalog_stays_consistent_and_the_orphan_is_reported()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var file = data.File("quyet-dinh.txt");
        await File.WriteAllTextAsync(file, "Quyết định ban hành quy chế — nội dung thử");

        var killed = await Cli.RunChildAsync(DemoDossier.AddDocument(file, data.Path),
            new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.BeforeCatalogCommit });
        Assert.That(killed.ExitCode, Is.Not.Zero, "the child process must have been killed before its commit");

        var check = await Cli.RunAsync("check", "--json", "--data", data.Path);
        Assert.That(check.ExitCode, Is.Zero, check.ToString());
        var digest = Sha256Digest.Compute(await File.ReadAllBytesAsync(file)).Hex;
        Assert.That(check.Stdout, Does.Contain($"\"orphanBlobs\":[\"{digest}\"]"));
        Assert.That(check.Stdout, Does.Contain("\"missingBlobs\":[]"));

        var show = await Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", data.Path);
        Assert.That(show.Stdout, Does.Contain("\"documents\":[]"), "the interrupted document must not be in the catalog");
        var audit = await Cli.RunAsync("audit", "verify", "--data", data.Path);
        Assert.That(audit.ExitCode, Is.Zero, audit.ToString());

        // After the restart the same document can be filed normally and the blob is no longer an orphan.
        var again = await Cli.RunAsync(DemoDossier.AddDocument(file, data.Path));
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        var after = await Cli.RunAsync("check", "--json", "--data", data.Path);
        Assert.That(after.Stdout, Does.Contain("\"orphanBlobs\":[]"));
    }

    [Test]
    public async Task A_committed_document_whose_blob_disappears_is_reported_missing_with_exit_1()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var file = data.File("van-ban.txt");
        await File.WriteAllTextAsync(file, "nội dung");
        Assert.That((await Cli.RunAsync(DemoDossier.AddDocument(file, data.Path))).ExitCode, Is.Zero);
        var digest = Sha256Digest.Compute(await File.ReadAllBytesAsync(file)).Hex;
        File.Delete(Path.Combine(data.Path, "blobs", "sha256", digest[..2], digest[2..4], digest));

        var check = await Cli.RunAsync("check", "--data", data.Path);

        Assert.That(check.ExitCode, Is.EqualTo(1), check.ToString());
        Assert.That(check.Stdout, Does.Contain(digest));
    }
}
