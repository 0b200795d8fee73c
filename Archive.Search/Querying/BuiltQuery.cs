using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>A Lucene query made from the user's, and the folded syllables a snippet should mark.</summary>
/// <param name="Query">What must match, scored: decides the total, the facets and the first ranking.</param>
/// <param name="Ranking">Clauses that only add to the score of the best candidates (exact diacritics, trích yếu); null when none.</param>
/// <param name="Relaxable">Plain words were all required: a lenient build (one of them may be missing) finds more.</param>
internal sealed record BuiltQuery(Query Query, Query? Ranking, IReadOnlySet<string> MarkedSyllables, bool Relaxable = false);
