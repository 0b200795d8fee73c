using Archive.Core.Audit;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Tests.Support;

/// <summary>An initialised data folder with a store opened on it.</summary>
public sealed class TestArchive : IDisposable
{
    public static readonly Actor Tester = new("tester", "unit-test");
    private readonly TempFolder _folder = new("archive-data");

    public TestArchive()
    {
        Folder = new DataFolder(_folder.Path);
        Store = ArchiveStore.Open(Folder, TimeProvider.System, new LoggerConfiguration().CreateLogger());
    }

    public DataFolder Folder { get; }
    public ArchiveStore Store { get; private set; }

    /// <summary>Closes and reopens the store, as a restart would.</summary>
    public void Reopen()
    {
        Store.Dispose();
        Store = ArchiveStore.Open(Folder, TimeProvider.System, new LoggerConfiguration().CreateLogger());
    }

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
