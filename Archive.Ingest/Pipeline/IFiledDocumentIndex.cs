namespace Archive.Ingest.Pipeline;

/// <summary>
/// Makes documents just filed findable (the search index). The catalog stays the source of truth: an
/// implementation that cannot update the index now warns and leaves the documents filed.
/// </summary>
public interface IFiledDocumentIndex
{
    Task AddAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken);
}
