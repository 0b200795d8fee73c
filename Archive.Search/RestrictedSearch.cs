using System.Text.Json;
using Archive.Core;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Search;

/// <summary>
/// Search of the restricted collection (Điều 16.6): only on a machine that passes the air-gap check, only from the machine
/// itself or an isolated network, only over the dossiers granted to the user, and every search is in the access log (who,
/// what was asked, which documents it showed), whatever it found. Its index lives beside the collection, in restricted/index.
/// </summary>
public sealed class RestrictedSearch(RestrictedCollection restricted, ArchiveStore main, AccessPolicy policy, SearchAdmission admission,
    ILogger log) : IDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private SearchIndex? _index;

    public async Task<SearchResults> SearchAsync(SearchRequest request, Actor actor, CancellationToken cancellationToken)
    {
        var visible = main.Catalog.Read(s =>
        {
            policy.Demand(s, actor, Operation.Search);
            return policy.Visibility(s, actor);
        });
        if (!visible.RestrictedReachable)
            throw new AccessDeniedException(
                $"Kho hạn chế sử dụng chỉ tìm được từ máy của kho hoặc từ mạng cách ly (Điều 16.6); yêu cầu này đến từ {actor.Origin}.");
        var index = await OpenAsync(restricted.Open(), cancellationToken).ConfigureAwait(false);
        var access = visible.IsEverything
            ? new SearchAccess { IncludeRestricted = true }
            : new SearchAccess { Organs = new HashSet<string>(), FileCodes = visible.Granted, IncludeRestricted = true };
        var searcher = new ArchiveSearcher(index, log);
        var results = await admission.RunAsync(() => searcher.Search(request with { Access = access }), cancellationToken)
            .ConfigureAwait(false);
        await main.Catalog.WriteAsync(actor, session =>
        {
            session.Record(new AuditChange("search.restricted", "Search", request.Query, null, JsonSerializer.Serialize(new
            {
                query = request.Query, total = results.Total, page = results.Page, shown = results.Hits.Select(h => h.Id),
                zone = actor.Zone.ToString(),
            }, ArchiveJson.Options)));
            return 0;
        }).ConfigureAwait(false);
        return results;
    }

    public void Dispose()
    {
        _index?.Dispose();
        _opening.Dispose();
    }

    /// <summary>
    /// The collection's index, brought up to date first: documents are filed into the collection on its own machine, often by
    /// hand, so when the index does not hold as many documents as the catalog it is rebuilt (the collection is small).
    /// </summary>
    private async Task<LuceneArchiveIndex> OpenAsync(ArchiveStore store, CancellationToken cancellationToken)
    {
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _index ??= new SearchIndex(store, log);
            var index = await _index.OpenAsync(cancellationToken).ConfigureAwait(false);
            if (index.Count != store.Catalog.Read(s => s.Documents.Count()))
                await _index.RebuildAsync(new CatalogIndexSource(store, log).All(cancellationToken), cancellationToken)
                    .ConfigureAwait(false);
            return index;
        }
        finally
        {
            _opening.Release();
        }
    }
}
