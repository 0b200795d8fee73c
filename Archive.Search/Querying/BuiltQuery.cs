using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>A Lucene query made from the user's, and the folded syllables a snippet should mark.</summary>
internal sealed record BuiltQuery(Query Query, IReadOnlySet<string> MarkedSyllables);
