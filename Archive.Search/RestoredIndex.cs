using Archive.Core.Indexing;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Search;

/// <summary>The search index of a data folder just restored from backup, built from its catalog (the index is never backed up).</summary>
public sealed class RestoredIndex(ILogger log)
{
    public async Task<int> BuildAsync(ArchiveStore restored, CancellationToken cancellationToken)
    {
        using var index = LuceneArchiveIndex.Open(restored.Folder.Index, log);
        return await index.RebuildAsync(new CatalogIndexSource(restored, log).All(cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }
}
