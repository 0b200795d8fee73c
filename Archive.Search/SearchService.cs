using Archive.Core.Application;
using Archive.Core.Audit;
using Serilog;

namespace Archive.Search;

/// <summary>
/// Search as a user asks it: the access filter is built from the actor's rights at the moment of the search (so a grant
/// or a revoke counts at once, in totals and facets too), and a document the user may not see is never a hit.
/// </summary>
/// <param name="restricted">The search of the restricted collection, asked for with <c>restrictedCollection</c>.</param>
public sealed class SearchService(SearchIndex index, CatalogService catalog, RestrictedSearch restricted, SearchAdmission admission,
    ILogger log)
{
    public async Task<SearchResults> SearchAsync(SearchRequest request, Actor actor, CancellationToken cancellationToken,
        bool restrictedCollection = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (restrictedCollection) return await restricted.SearchAsync(request, actor, cancellationToken).ConfigureAwait(false);
        var scope = catalog.SearchScope(actor);
        var searcher = new ArchiveSearcher(await index.OpenAsync(cancellationToken).ConfigureAwait(false), log);
        var access = new SearchAccess { Organs = scope.Agencies, FileCodes = scope.FileCodes, IncludeRestricted = false };
        return await admission.RunAsync(() => searcher.Search(request with { Access = access }), cancellationToken).ConfigureAwait(false);
    }
}
