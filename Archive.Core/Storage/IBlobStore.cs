namespace Archive.Core.Storage;

/// <summary>
/// A write-once, content-addressed store. A blob is visible only once it is complete and durable;
/// it is read back only through a stream that checks its hash.
/// </summary>
public interface IBlobStore
{
    /// <summary>Writes the content durably and returns its digest; storing the same bytes twice is a no-op.</summary>
    Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken);

    bool Exists(Sha256Digest digest);

    /// <summary>A stream that throws <see cref="BlobCorruptedException"/> at its end if the bytes changed.</summary>
    Stream OpenRead(Sha256Digest digest);

    /// <summary>Re-hashes a blob; throws <see cref="BlobMissingException"/> or <see cref="BlobCorruptedException"/>.</summary>
    Task VerifyAsync(Sha256Digest digest, CancellationToken cancellationToken);

    /// <summary>
    /// Puts back a damaged or missing blob from a good copy (a backup). The copy is hashed while it is
    /// written and must match <paramref name="digest"/>; only then does it replace what is there.
    /// </summary>
    Task RepairAsync(Sha256Digest digest, Stream goodCopy, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a blob for good: only for content destroyed after appraisal, once no catalog record points at it any more.
    /// Deleting one that is not there is a no-op, so an interrupted destruction can finish.
    /// </summary>
    void Remove(Sha256Digest digest);

    /// <summary>Where a blob is kept, for reports and the check minutes.</summary>
    string Location(Sha256Digest digest);

    /// <summary>Every blob in the store, in no particular order.</summary>
    IEnumerable<Sha256Digest> Enumerate();
}
