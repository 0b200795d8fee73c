namespace Archive.Search;

/// <summary>Counts of one field's values over the whole result set, most frequent first.</summary>
public sealed record Facet(string Name, string Label, IReadOnlyList<FacetValue> Values);

public sealed record FacetValue(string Value, int Count);
