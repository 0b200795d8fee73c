namespace Archive.Search.Querying;

/// <summary>A query the language cannot read; the message is Vietnamese, for the user.</summary>
internal sealed class QuerySyntaxException(string message) : Exception(message);
