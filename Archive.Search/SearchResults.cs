namespace Archive.Search;

/// <summary>One page of results, the total over all pages, facets, and notes on how the query was read.</summary>
public sealed record SearchResults
{
    public required int Total { get; init; }
    public required int Page { get; init; }
    public required int PageSize { get; init; }
    public required IReadOnlyList<SearchHit> Hits { get; init; }
    public required IReadOnlyList<Facet> Facets { get; init; }
    /// <summary>Vietnamese notes for the user, e.g. that a malformed query was searched as plain words.</summary>
    public required IReadOnlyList<string> Notices { get; init; }
}
