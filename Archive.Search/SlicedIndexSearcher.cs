using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search;

/// <summary>
/// An index searcher that can search a slice of the index's segments: a search runs its slices
/// on all cores at once, each with its own collectors, and merges them after.
/// </summary>
internal sealed class SlicedIndexSearcher(IndexReader reader) : IndexSearcher(reader)
{
    /// <summary>Below this many documents, one thread is quicker than starting others.</summary>
    private const int ParallelFrom = 50_000;

    public void SearchSlice(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector) => Search(leaves, weight, collector);

    /// <summary>Contiguous runs of segments of about equal size, one per core (one when the index is small, or when the
    /// search is not <paramref name="alone"/>).</summary>
    public IReadOnlyList<IList<AtomicReaderContext>> Slices(bool alone)
    {
        var leaves = IndexReader.Leaves;
        var total = IndexReader.MaxDoc;
        var wanted = total < ParallelFrom || !alone ? 1 : Math.Min(Environment.ProcessorCount, leaves.Count);
        if (wanted <= 1) return [leaves];
        var slices = new List<IList<AtomicReaderContext>>(wanted);
        var current = new List<AtomicReaderContext>();
        var filled = 0L;
        foreach (var leaf in leaves)
        {
            current.Add(leaf);
            filled += leaf.AtomicReader.MaxDoc;
            if (slices.Count < wanted - 1 && filled * wanted >= (long)total * (slices.Count + 1))
            {
                slices.Add(current);
                current = [];
            }
        }
        if (current.Count > 0) slices.Add(current);
        return slices;
    }

    public sealed class Factory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new SlicedIndexSearcher(reader);
    }
}
