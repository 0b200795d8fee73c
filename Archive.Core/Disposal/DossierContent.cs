using Archive.Core.Catalog;

namespace Archive.Core.Disposal;

/// <summary>A dossier about to be destroyed: its documents, and the stored files (SHA-256, length) that only they use.</summary>
public sealed record DossierContent(Dossier Dossier, IReadOnlyList<ArchivedDocument> Documents,
    IReadOnlyList<(string Sha256, long Length)> Files)
{
    public long Bytes => Files.Sum(f => f.Length);

    /// <summary>The store that holds the dossier: the main one or the restricted collection.</summary>
    internal Storage.ArchiveStore Source { get; init; } = null!;
}
