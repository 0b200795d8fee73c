using Archive.Core.Indexing;
using Archive.Search;

namespace Archive.Web.Cli;

/// <summary>
/// Puts a document the command just filed into the search index, so it is findable at once.
/// The catalog is the source of truth: when the index cannot be updated now, the document stays
/// filed, and the user is told to run <c>archive reindex</c>.
/// </summary>
public static class IndexUpdate
{
    /// <summary>The index of a new data folder, made now (empty, or with what the catalog holds), so that no later command finds it missing.</summary>
    public static async Task CreateAsync(CliContext context, CancellationToken cancellationToken)
    {
        using var index = await ArchiveIndexStartup.OpenAsync(context.Store, context.Log, cancellationToken).ConfigureAwait(false);
    }

    public static Task AfterFilingAsync(CliContext context, string documentId, CancellationToken cancellationToken) =>
        AfterFilingAsync(context, [documentId], cancellationToken);

    /// <summary>Several documents in one opening of the index.</summary>
    public static async Task AfterFilingAsync(CliContext context, IReadOnlyList<string> documentIds, CancellationToken cancellationToken)
    {
        if (documentIds.Count == 0) return;
        var documentId = string.Join(", ", documentIds);
        try
        {
            using var index = await ArchiveIndexStartup.OpenAsync(context.Store, context.Log, cancellationToken,
                progress: context.Output.Progress()).ConfigureAwait(false);
            // A rebuild on opening read the catalog after these were filed, so it already indexed them.
            if (index.Rebuilt) return;
            var source = new CatalogIndexSource(context.Store, context.Log);
            await index.IndexAsync(documentIds.Select(source.Find).OfType<IndexedDocument>(), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IndexInUseException or IOException)
        {
            context.Log.Warning(e, "Document {DocumentId} was filed but not indexed", documentId);
            context.Output.Progress().Report(
                $"Cảnh báo: văn bản đã được lưu nhưng chưa được cập nhật vào chỉ mục tìm kiếm ({e.Message}). Chạy 'archive reindex' sau.");
        }
    }
}
