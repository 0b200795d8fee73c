namespace Archive.Search.Querying;

/// <summary>The query as understood, with notes for the user about how it was read (Vietnamese).</summary>
internal sealed record ParsedQuery(QueryNode? Root, IReadOnlyList<string> Notices)
{
    /// <summary>True when the query had no words at all: every document matches.</summary>
    public bool IsEmpty => Root is null;
}
