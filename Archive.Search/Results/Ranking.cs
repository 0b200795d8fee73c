using System.Collections.Concurrent;
using Lucene.Net.Search;

namespace Archive.Search.Results;

/// <summary>
/// What one search found, before any page of it is shown: the best documents in order (as deep as the pages asked for or
/// the rerank window), the total, the facets and the notes on how the query was read.
/// </summary>
/// <param name="Marked">The query's syllables, marked in snippets.</param>
internal sealed record Ranking(ScoreDoc[] Docs, int Total, IReadOnlyList<Facet> Facets, IReadOnlyList<string> Notices,
    IReadOnlySet<string> Marked)
{
    private readonly ConcurrentDictionary<(int Page, int Size), IReadOnlyList<SearchHit>> _pages = new();

    /// <summary>The hits of one page, built once per ranking: a hit depends only on its document and the marked syllables.</summary>
    public IReadOnlyList<SearchHit> Page(int page, int size, Func<ScoreDoc, SearchHit> hit) =>
        _pages.GetOrAdd((page, size), key => Docs.Skip((key.Page - 1) * key.Size).Take(key.Size).Select(hit).ToList());
}
