using Archive.Core.Audit;

namespace Archive.Core.Storage;

/// <summary>
/// Ties blobs to the catalog records that point at them: blobs are written durably first, and only
/// then does one catalog transaction record them together with the records and the audit entries.
/// A crash in between leaves unreferenced blobs (reported by the consistency check), never a
/// record pointing at a missing blob.
/// </summary>
public sealed class UnitOfWork
{
    private readonly IBlobStore _blobs;
    private readonly ICatalogStore _catalog;
    private readonly CrashPoint _crash;
    private readonly TimeProvider _clock;
    private readonly List<(StoredBlob Blob, string Role, string OwnerId)> _staged = [];

    internal UnitOfWork(IBlobStore blobs, ICatalogStore catalog, CrashPoint crash, TimeProvider clock)
    {
        _blobs = blobs;
        _catalog = catalog;
        _crash = crash;
        _clock = clock;
    }

    public async Task<StoredBlob> AddBlobAsync(Stream content, string role, string ownerId, CancellationToken cancellationToken)
    {
        var blob = await _blobs.PutAsync(content, cancellationToken).ConfigureAwait(false);
        _staged.Add((blob, role, ownerId));
        return blob;
    }

    public T Commit<T>(Actor actor, Func<ICatalogSession, T> work) => _catalog.Write(actor, Recording(work));

    /// <summary>Records an already stored blob (one several items share, say) with this unit's records.</summary>
    public void Reference(StoredBlob blob, string role, string ownerId) => _staged.Add((blob, role, ownerId));

    /// <summary><see cref="Commit{T}"/> without holding a thread while the transaction reaches the disk.</summary>
    public Task<T> CommitAsync<T>(Actor actor, Func<ICatalogSession, T> work) => _catalog.WriteAsync(actor, Recording(work));

    /// <summary>The work with the staged blobs recorded in its transaction, once every one is known to be on disk.</summary>
    private Func<ICatalogSession, T> Recording<T>(Func<ICatalogSession, T> work)
    {
        foreach (var (blob, _, _) in _staged)
            if (!_blobs.Exists(blob.Digest))
                throw new BlobMissingException(blob.Digest, blob.Digest.Hex);
        _crash.Reached(CrashPoint.BeforeCatalogCommit);
        var storedAt = _clock.GetLocalNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return session =>
        {
            var result = work(session);
            foreach (var (blob, role, ownerId) in _staged)
                if (!session.Blobs.Exists(blob.Digest.Hex))
                    session.Blobs.Insert(new BlobReference
                    {
                        Id = blob.Digest.Hex, Length = blob.Length, StoredAt = storedAt, Role = role, OwnerId = ownerId,
                    });
            return result;
        };
    }
}
