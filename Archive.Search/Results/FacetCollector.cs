using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Archive.Search.Results;

/// <summary>
/// Counts facet values for every matching document (not just the page shown), by ordinal per
/// segment, turning ordinals into values once per segment.
/// </summary>
internal sealed class FacetCollector(IReadOnlyList<FacetDefinition> facets) : ICollector
{
    private readonly Dictionary<string, int>[] _totals = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
    private SortedDocValues?[] _values = new SortedDocValues?[facets.Count];
    private int[][] _counts = new int[facets.Count][];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegment();
        _values = facets.Select(f => context.AtomicReader.GetSortedDocValues(f.Field)).ToArray();
        _counts = _values.Select(v => new int[v?.ValueCount ?? 0]).ToArray();
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var ord = _values[i]?.GetOrd(doc) ?? -1;
            if (ord >= 0) _counts[i][ord]++;
        }
    }

    public IReadOnlyList<Facet> Results(int valuesPerFacet)
    {
        FlushSegment();
        _values = new SortedDocValues?[facets.Count];
        return facets.Select((f, i) => new Facet(f.Name, f.Label, _totals[i]
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal)
                .Take(valuesPerFacet)
                .Select(kv => new FacetValue(kv.Key, kv.Value))
                .ToList()))
            .ToList();
    }

    private void FlushSegment()
    {
        var scratch = new BytesRef();
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] is not { } values) continue;
            var counts = _counts[i];
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0) continue;
                values.LookupOrd(ord, scratch);
                var key = scratch.Utf8ToString();
                _totals[i][key] = _totals[i].GetValueOrDefault(key) + counts[ord];
            }
        }
    }
}
