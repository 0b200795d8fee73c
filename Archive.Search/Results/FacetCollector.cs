using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search.Results;

/// <summary>
/// Counts facet values for every matching document (not just the page shown), by ordinal per
/// segment, turning ordinals into values once per segment.
/// </summary>
internal sealed class FacetCollector(FacetOrdinalsCache cache) : ICollector
{
    private readonly IReadOnlyList<FacetDefinition> _facets = cache.Facets;
    private readonly Dictionary<string, int>[] _totals = cache.Facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private FacetOrdinals? _segment;
    private int[][] _counts = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _segment = cache.For(context.AtomicReader);
        _counts = _segment.ValueCounts.Select(n => new int[n]).ToArray();
    }

    public void Collect(int doc)
    {
        var ordinals = _segment!.Ordinals;
        for (var i = 0; i < ordinals.Length; i++)
        {
            if (ordinals[i] is not { } ords) continue;
            var ord = ords[doc];
            if (ord >= 0) _counts[i][ord]++;
        }
    }

    /// <summary>Adds another collector's counts (from a parallel part of the same search) to these.</summary>
    public void Add(FacetCollector other)
    {
        other.FlushSegment();
        FlushSegment();
        for (var i = 0; i < _totals.Length; i++)
            foreach (var (value, count) in other._totals[i])
                _totals[i][value] = _totals[i].GetValueOrDefault(value) + count;
    }

    public IReadOnlyList<Facet> Results(int valuesPerFacet)
    {
        FlushSegment();
        return _facets.Select((f, i) => new Facet(f.Name, f.Label, _totals[i]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(valuesPerFacet)
                .Select(kv => new FacetValue(kv.Key, kv.Value))
                .ToList()))
            .ToList();
    }

    private void FlushSegment()
    {
        if (_segment is null) return;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_segment.Values[i] is not { } values) continue;
            var counts = _counts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                var key = values[ord];
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
        }
        _segment = null;
    }
}
