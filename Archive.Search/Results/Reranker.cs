using Lucene.Net.Search;

namespace Archive.Search.Results;

/// <summary>
/// Adds the ranking clauses' scores to the best candidates of a search and sorts them again.
/// Candidates are visited in document order, segment by segment, so each clause's postings are
/// read forward once.
/// </summary>
internal static class Reranker
{
    public static ScoreDoc[] Rerank(IndexSearcher searcher, ScoreDoc[] candidates, Query ranking)
    {
        var rescored = candidates.Select(c => new ScoreDoc(c.Doc, c.Score)).OrderBy(c => c.Doc).ToArray();
        var weight = searcher.CreateNormalizedWeight(ranking);
        var leaves = searcher.IndexReader.Leaves;
        var next = 0;
        foreach (var leaf in leaves)
        {
            var end = leaf.DocBase + leaf.AtomicReader.MaxDoc;
            var first = next;
            while (next < rescored.Length && rescored[next].Doc < end) next++;
            if (first == next) continue;
            // No scorer means no candidate in this segment matches any ranking clause.
            if (weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is not { } scorer) continue;
            for (var i = first; i < next; i++)
            {
                var target = rescored[i].Doc - leaf.DocBase;
                var at = scorer.DocID < target ? scorer.Advance(target) : scorer.DocID;
                if (at == DocIdSetIterator.NO_MORE_DOCS) break;
                if (at == target) rescored[i].Score += scorer.GetScore();
            }
        }
        // Ties keep document order, as the first ranking does.
        return rescored.OrderByDescending(c => c.Score).ThenBy(c => c.Doc).ToArray();
    }
}
