using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Search;

/// <summary>`archive reindex`: the search index made anew from the catalog, by those allowed to.</summary>
public sealed class IndexRebuild(ArchiveStore store, SearchIndex index, AccessPolicy policy, ILogger log)
{
    public Task<int> RunAsync(Actor actor, CancellationToken cancellationToken)
    {
        store.Catalog.Read(s =>
        {
            policy.Demand(s, actor, Operation.IndexRebuild);
            return 0;
        });
        return index.RebuildAsync(new CatalogIndexSource(store, log).All(cancellationToken), cancellationToken);
    }
}
