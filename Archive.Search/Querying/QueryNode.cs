namespace Archive.Search.Querying;

/// <summary>A parsed search query: what the user asked for, before it becomes a Lucene query.</summary>
internal abstract record QueryNode;

/// <summary>Words as typed, without quotes; <see cref="Field"/> null means "anywhere".</summary>
internal sealed record WordsNode(string Text, SearchField? Field) : QueryNode;

/// <summary>A quoted phrase: its syllables in this order.</summary>
internal sealed record PhraseNode(string Text, SearchField? Field) : QueryNode;

/// <summary><c>field:[from TO to]</c>; a null bound is open (<c>*</c>).</summary>
internal sealed record RangeNode(SearchField Field, string? From, string? To, bool IncludeFrom, bool IncludeTo) : QueryNode;

internal sealed record AndNode(IReadOnlyList<QueryNode> Children) : QueryNode;

internal sealed record OrNode(IReadOnlyList<QueryNode> Children) : QueryNode;

internal sealed record NotNode(QueryNode Child) : QueryNode;
