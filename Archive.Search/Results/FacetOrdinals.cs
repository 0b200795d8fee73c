using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Archive.Search.Results;

/// <summary>
/// The facet fields' ordinals of one index segment, read once into arrays: counting a facet for
/// a hit is then an array read, not a doc-values decode, which matters when a query matches most
/// of a million documents. Kept per segment core, so a refresh only reads the new segments.
/// </summary>
internal sealed class FacetOrdinals
{
    private FacetOrdinals(int[] valueCounts, int[]?[] ordinals, string[]?[] values)
    {
        ValueCounts = valueCounts;
        Ordinals = ordinals;
        Values = values;
    }

    /// <summary>Per facet: how many distinct values the segment has.</summary>
    public int[] ValueCounts { get; }

    /// <summary>Per facet: document → ordinal (-1 when the document has no value), or null when the segment has none.</summary>
    public int[]?[] Ordinals { get; }

    /// <summary>
    /// Per facet: ordinal → value, decoded once here rather than by every search that counts the segment (which under 32
    /// concurrent searches was a tenth of their time).
    /// </summary>
    public string[]?[] Values { get; }

    public static FacetOrdinals Read(AtomicReader reader, IReadOnlyList<FacetDefinition> facets)
    {
        var valueCounts = new int[facets.Count];
        var ordinals = new int[]?[facets.Count];
        var values = new string[]?[facets.Count];
        var scratch = new Lucene.Net.Util.BytesRef();
        for (var f = 0; f < facets.Count; f++)
        {
            var docValues = reader.GetSortedDocValues(facets[f].Field);
            if (docValues is null) continue;
            var ords = new int[reader.MaxDoc];
            for (var doc = 0; doc < ords.Length; doc++) ords[doc] = docValues.GetOrd(doc);
            valueCounts[f] = docValues.ValueCount;
            ordinals[f] = ords;
            var names = new string[docValues.ValueCount];
            for (var ord = 0; ord < names.Length; ord++)
            {
                docValues.LookupOrd(ord, scratch);
                names[ord] = scratch.Utf8ToString();
            }
            values[f] = names;
        }
        return new FacetOrdinals(valueCounts, ordinals, values);
    }
}

/// <summary>The <see cref="FacetOrdinals"/> of the segments an index has open; entries go with their segments.</summary>
internal sealed class FacetOrdinalsCache(IReadOnlyList<FacetDefinition> facets)
{
    private readonly ConditionalWeakTable<object, FacetOrdinals> _segments = new();

    public IReadOnlyList<FacetDefinition> Facets => facets;

    public FacetOrdinals For(AtomicReader reader) =>
        _segments.GetValue(reader.CoreCacheKey, _ => FacetOrdinals.Read(reader, facets));
}
