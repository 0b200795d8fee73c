using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Storage;

/// <summary>The embedded catalog is one process's: a second one is told which page of the running server does its work.</summary>
public sealed class DataFolderLockTests
{
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
