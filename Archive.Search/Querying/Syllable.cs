using Archive.Search.Analysis;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Querying;

/// <summary>One syllable of a query: as typed (NFC, lower case) and folded.</summary>
internal sealed record Syllable(string Exact, string Folded)
{
    public bool HasDiacritics => Exact != Folded;

    public bool IsFunctionWord => FunctionSyllables.Contains(Exact, Folded);

    /// <summary>The syllables of <paramref name="text"/>, split exactly as the index splits them.</summary>
    public static IReadOnlyList<Syllable> Of(Analyzer analyzer, string text)
    {
        var syllables = new List<Syllable>();
        using var stream = analyzer.GetTokenStream(Schema.IndexFields.Exact(Schema.IndexFields.All), new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var exact = term.ToString();
            var buffer = exact.ToCharArray();
            syllables.Add(new Syllable(exact, new string(buffer, 0, VietnameseFolding.Fold(buffer, buffer))));
        }
        stream.End();
        return syllables;
    }
}
