using Archive.Search;

namespace Archive.Web.Hosting;

/// <summary>GET /api/v1/search: the same search as `archive search`, filtered by the signed-in user's rights.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/v1/search", async (string q, int? page, int? size, SearchSort? sort, bool? restricted, HttpContext http,
            HttpActor actor, SearchService search, CancellationToken cancellationToken) =>
        {
            var request = new SearchRequest
            {
                Query = q, Page = Math.Max(1, page ?? 1), PageSize = Math.Clamp(size ?? 20, 1, SearchRequest.MaxPageSize),
                Sort = sort ?? SearchSort.Relevance,
            };
            var results = await search.SearchAsync(request, actor.Of(http), cancellationToken, restricted ?? false).ConfigureAwait(false);
            return Results.Ok(SearchResultsJson.From(results));
        });
        return endpoints;
    }
}
