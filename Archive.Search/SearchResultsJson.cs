namespace Archive.Search;

/// <summary>
/// The JSON contract of a search (DESIGN.md 6), for `archive search --json` and GET /api/v1/search alike:
/// <c>{"total","page","hits":[{"id","score","soKyHieu","trichYeu","ngay","snippet",…}],"facets","notices"}</c>.
/// </summary>
public sealed record SearchResultsJson(int Total, int Page, IReadOnlyList<SearchResultsJson.Hit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<SearchResultsJson.FacetValue>> Facets, IReadOnlyList<string> Notices)
{
    public sealed record Hit(string Id, float Score, string? SoKyHieu, string? TrichYeu, DateOnly? Ngay, string Snippet, string TenLoai,
        string CoQuan, string MaHoSo);

    public sealed record FacetValue(string Value, int Count);

    public static SearchResultsJson From(SearchResults results) => new(results.Total, results.Page,
        results.Hits.Select(h => new Hit(h.Id, h.Score, h.SoKyHieu, h.TrichYeu, h.Ngay, h.Snippet.Marked(), h.TenLoai, h.CoQuan, h.MaHoSo))
            .ToList(),
        results.Facets.ToDictionary(f => f.Name,
            f => (IReadOnlyList<FacetValue>)f.Values.Select(v => new FacetValue(v.Value, v.Count)).ToList()),
        results.Notices);
}
