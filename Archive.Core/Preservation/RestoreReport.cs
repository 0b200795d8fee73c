namespace Archive.Core.Preservation;

/// <summary>What a restore rebuilt, from which sets, and what it found wrong.</summary>
public sealed record RestoreReport(
    string From,
    string To,
    IReadOnlyList<string> SetsUsed,
    int BlobsRestored,
    long BytesRestored,
    int DocumentsInCatalog,
    int? DocumentsIndexed,
    IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}
