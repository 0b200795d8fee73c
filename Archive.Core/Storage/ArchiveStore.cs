using Serilog;

namespace Archive.Core.Storage;

/// <summary>An opened data folder: its catalog and its blob store, and units of work over both.</summary>
public sealed class ArchiveStore : IDisposable
{
    private readonly CrashPoint _crash;
    private readonly TimeProvider _clock;
    private readonly FileBlobStore _blobs;

    private ArchiveStore(DataFolder folder, CatalogStore catalog, FileBlobStore blobs, CrashPoint crash, TimeProvider clock)
    {
        Folder = folder;
        Catalog = catalog;
        _blobs = blobs;
        _crash = crash;
        _clock = clock;
    }

    public DataFolder Folder { get; }
    public CatalogStore Catalog { get; }
    public IBlobStore Blobs => _blobs;
    internal FileBlobStore FileBlobs => _blobs;

    /// <summary>Opens (creating the layout if needed) the data folder.</summary>
    public static ArchiveStore Open(DataFolder folder, TimeProvider clock, ILogger log, CrashPoint? crash = null)
    {
        folder.CreateLayout();
        crash ??= CrashPoint.None;
        var blobs = new FileBlobStore(folder.Blobs, crash, log);
        var catalog = new CatalogStore(folder.CatalogFile, clock, log);
        return new ArchiveStore(folder, catalog, blobs, crash, clock);
    }

    public UnitOfWork BeginWork() => new(_blobs, Catalog, _crash, _clock);

    /// <summary>Compares the blobs on disk with the catalog's references.</summary>
    public ConsistencyReport CheckConsistency()
    {
        var referenced = Catalog.Read(s => s.Blobs.All()).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var onDisk = _blobs.Enumerate().Select(d => d.Hex).ToHashSet(StringComparer.Ordinal);
        var orphans = onDisk.Where(h => !referenced.Contains(h)).Order(StringComparer.Ordinal).ToList();
        var missing = referenced.Where(h => !onDisk.Contains(h)).Order(StringComparer.Ordinal).ToList();
        return new ConsistencyReport(orphans, missing, _blobs.AbandonedWrites(), referenced.Count);
    }

    /// <summary>Clears what interrupted writes left behind; safe only while nothing else writes (at start).</summary>
    public int RemoveAbandonedWrites() => _blobs.RemoveAbandonedWrites();

    public void Dispose() => Catalog.Dispose();
}
