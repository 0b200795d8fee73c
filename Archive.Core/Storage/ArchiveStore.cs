using Archive.Core.Audit;
using Serilog;

namespace Archive.Core.Storage;

/// <summary>An opened data folder: its catalog and its blob store, and units of work over both.</summary>
public sealed class ArchiveStore : IDisposable
{
    private readonly CrashPoint _crash;
    private readonly TimeProvider _clock;
    private readonly FileBlobStore _blobs;
    private readonly FileStream? _lock;
    private bool _disposed;

    private ArchiveStore(DataFolder folder, FileStream? folderLock, ICatalogStore catalog, FileBlobStore blobs, CrashPoint crash,
        TimeProvider clock)
    {
        _lock = folderLock;
        Folder = folder;
        Catalog = catalog;
        _blobs = blobs;
        _crash = crash;
        _clock = clock;
    }

    public DataFolder Folder { get; }
    public ICatalogStore Catalog { get; }
    public IBlobStore Blobs => _blobs;
    internal FileBlobStore FileBlobs => _blobs;
    public CrashPoint Crash => _crash;

    /// <summary>Opens (creating the layout if needed) the data folder, its catalog where <paramref name="catalog"/> says
    /// (catalog.db in the folder by default).</summary>
    public static ArchiveStore Open(DataFolder folder, TimeProvider clock, ILogger log, CrashPoint? crash = null,
        CatalogLocation? catalog = null)
    {
        folder.CreateLayout();
        // The embedded catalog is one process's; a PostgreSQL catalog and its blob folder are shared by every node.
        var shared = catalog?.PostgresConnectionString is not null;
        var folderLock = shared ? null : Lock(folder);
        try
        {
            crash ??= CrashPoint.None;
            var blobs = new FileBlobStore(folder.Blobs, crash, log);
            // Holding the folder lock, no other write can be in progress: what is in tmp/ was cut off by a crash. Where nodes
            // share the folder, another may be writing: only what nobody has touched for a day is left over.
            blobs.RemoveAbandonedWrites(shared ? TimeSpan.FromDays(1) : default);
            ICatalogStore store = catalog?.PostgresConnectionString is { } connection
                ? Postgres.PostgresCatalogStore.Open(connection, clock, log)
                : new LiteCatalogStore(folder.CatalogFile, clock, log);
            return new ArchiveStore(folder, folderLock, store, blobs, crash, clock);
        }
        catch
        {
            folderLock?.Dispose();
            throw;
        }
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

    /// <summary>
    /// Removes the blobs no catalog record refers to (left by writes cut off before their transaction: a crash, a node killed)
    /// that nobody has written or stored again for <paramref name="untouchedFor"/>: a unit of work on its way to the catalog
    /// touched its blobs within that time. The removal is in the audit log. Partial writes untouched as long are removed too.
    /// </summary>
    public IReadOnlyList<string> CollectOrphans(TimeSpan untouchedFor, Actor actor)
    {
        var before = DateTime.UtcNow - untouchedFor;
        // On a shared folder nothing else removes them while nodes run (opening spares those younger than a day).
        _blobs.RemoveAbandonedWrites(untouchedFor);
        var removed = CheckConsistency().OrphanBlobs.Where(hex => _blobs.RemoveIfUntouchedSince(Sha256Digest.Parse(hex), before)).ToList();
        if (removed.Count > 0)
            Catalog.Write(actor, session =>
            {
                session.Record(new AuditChange("blob.collect", "Blob", removed.Count == 1 ? removed[0] : $"{removed.Count} blobs", null,
                    System.Text.Json.JsonSerializer.Serialize(removed)));
                return 0;
            });
        return removed;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Catalog.Dispose();
        _lock?.Dispose();
    }

    /// <summary>
    /// One process at a time: LiteDB's direct mode lets a second process open catalog.db and write
    /// over the first one's pages, so the folder is locked (flock through FileShare.None) while open.
    /// </summary>
    private static FileStream Lock(DataFolder folder)
    {
        try
        {
            return new FileStream(folder.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new DataFolderInUseException(folder.Root, e);
        }
    }
}
