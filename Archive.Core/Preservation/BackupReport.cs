namespace Archive.Core.Preservation;

/// <summary>What one backup to one medium did.</summary>
public sealed record BackupReport(
    string Target,
    string Id,
    string Kind,
    int FilesWritten,
    int BlobsCopied,
    int BlobsAlreadyOnMedium,
    long BytesWritten,
    IReadOnlyList<string> RemovedPartialSets,
    IReadOnlyList<string> Problems,
    TimeSpan Duration,
    bool Complete)
{
    /// <summary>Complete, and every blob the catalog refers to was copied intact.</summary>
    public bool Succeeded => Complete && Problems.Count == 0;
}
