using Archive.Core.Application;
using Archive.Core.Audit;
using Serilog;

namespace Archive.Search;

/// <summary>
/// Search as a user asks it: the access filter is built from the actor's rights at the moment of the search (so a grant
/// or a revoke counts at once, in totals and facets too), and a document the user may not see is never a hit.
/// </summary>
public sealed class SearchService(SearchIndex index, CatalogService catalog, ILogger log)
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, Actor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = catalog.SearchScope(actor);
        var searcher = new ArchiveSearcher(await index.OpenAsync(cancellationToken).ConfigureAwait(false), log);
        return searcher.Search(request with
        {
            Access = new SearchAccess { Organs = scope.Agencies, FileCodes = scope.FileCodes, IncludeRestricted = false },
        });
    }
}
