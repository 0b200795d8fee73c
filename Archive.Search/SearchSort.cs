namespace Archive.Search;

public enum SearchSort
{
    Relevance,
    /// <summary>Newest issue date first.</summary>
    DateNewest,
    DateOldest,
}
