namespace Archive.Core.Storage;

/// <summary>
/// How the blob store and the catalog agree. Orphans are harmless leftovers of interrupted writes;
/// missing blobs are losses that need a restore.
/// </summary>
public sealed record ConsistencyReport(
    IReadOnlyList<string> OrphanBlobs,
    IReadOnlyList<string> MissingBlobs,
    IReadOnlyList<string> AbandonedWrites,
    long BlobsReferenced)
{
    public bool HasLosses => MissingBlobs.Count > 0;
}
