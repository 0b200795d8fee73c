namespace Archive.Core.Indexing;

/// <summary>
/// The archive index port (DESIGN.md section 2): what the catalog and the ingest pipeline need
/// from a search index, without knowing which one. The index is derived data: everything in it
/// can be rebuilt from the catalog with <see cref="RebuildAsync"/>.
/// </summary>
public interface IArchiveIndex
{
    /// <summary>
    /// True when the index was found missing or unreadable when it was opened and was started
    /// empty: the owner should call <see cref="RebuildAsync"/> before serving searches.
    /// </summary>
    bool NeedsRebuild { get; }

    /// <summary>Adds the document, or replaces the one with the same id; searchable when this returns.</summary>
    Task IndexAsync(IndexedDocument document, CancellationToken cancellationToken);

    /// <summary>Adds or replaces several documents in one commit; all searchable when this returns.</summary>
    Task IndexAsync(IEnumerable<IndexedDocument> documents, CancellationToken cancellationToken);

    /// <summary>Removes the document with this id, if indexed; gone from results when this returns.</summary>
    Task RemoveAsync(string documentId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the whole index with <paramref name="documents"/>. Readers keep seeing the old
    /// content until the new one is complete, so a failed rebuild never leaves a half index.
    /// </summary>
    /// <returns>The number of documents indexed.</returns>
    Task<int> RebuildAsync(IEnumerable<IndexedDocument> documents, CancellationToken cancellationToken);
}
