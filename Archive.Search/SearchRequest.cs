namespace Archive.Search;

/// <summary>One search: the query as the user typed it, the page wanted and who is asking.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 200;

    public required string Query { get; init; }

    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;

    public int PageSize { get; init; } = 20;

    public SearchSort Sort { get; init; } = SearchSort.Relevance;

    public SearchAccess Access { get; init; } = SearchAccess.OpenRecords;

    /// <summary>How many values each facet lists, most frequent first.</summary>
    public int FacetValues { get; init; } = 10;
}
