using Archive.Core.Indexing;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Search;

/// <summary>
/// Opens a data folder's index ready to serve: when it was missing or broken, it is rebuilt from
/// the catalog before it is handed out, so a search never runs on half an index.
/// </summary>
public static class ArchiveIndexStartup
{
    public static async Task<LuceneArchiveIndex> OpenAsync(ArchiveStore store, ILogger log, CancellationToken cancellationToken,
        bool verifyChecksums = false, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var index = LuceneArchiveIndex.Open(store.Folder.Index, log, verifyChecksums);
        try
        {
            if (index.NeedsRebuild)
            {
                // An empty catalog's index is made, not rebuilt: a new data folder is not news.
                var tell = store.Catalog.Read(s => s.Documents.Count()) > 0 ? progress : null;
                tell?.Report("Chỉ mục tìm kiếm chưa có hoặc bị hỏng; đang dựng lại từ danh mục…");
                var count = await index.RebuildAsync(new CatalogIndexSource(store, log).All(cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
                tell?.Report($"Đã dựng lại chỉ mục: {count} văn bản.");
            }
            return index;
        }
        catch
        {
            index.Dispose();
            throw;
        }
    }
}
