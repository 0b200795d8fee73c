using Archive.Core.Storage;
using Serilog;

namespace Archive.Core.Indexing;

/// <summary>
/// Makes documents just filed findable, through the archive index port (DESIGN.md 2), for every way a document arrives:
/// ingest, the watched folder, accepting from the inbox, adding by hand. The catalog is the source of truth: when the index
/// cannot be updated now, the documents stay filed and the caller gets a warning that says a reindex will repair it.
/// </summary>
public sealed class ArchiveIndexing(ArchiveStore store, IArchiveIndex index, ILogger log)
{
    private readonly ILogger _log = log.ForContext<ArchiveIndexing>();

    /// <returns>Null when indexed; otherwise a Vietnamese warning for the user.</returns>
    public async Task<string?> AddAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0) return null;
        try
        {
            var source = new CatalogIndexSource(store, log);
            await index.IndexAsync(documentIds.Select(source.Find).OfType<IndexedDocument>().ToList(), cancellationToken)
                .ConfigureAwait(false);
            return null;
        }
        catch (Exception e) when (e is IndexUnavailableException or IOException)
        {
            _log.Warning(e, "Documents {DocumentIds} were filed but not indexed", documentIds);
            return "Văn bản đã được lưu nhưng chưa được cập nhật vào chỉ mục tìm kiếm " +
                   $"({e.Message}); dựng lại chỉ mục tìm kiếm từ danh mục sẽ bổ sung.";
        }
    }
}
