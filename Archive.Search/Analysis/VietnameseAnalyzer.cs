using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Shingle;

namespace Archive.Search.Analysis;

/// <summary>
/// The analyzer for every text field: tokenise into syllables, compose to NFC, then keep the
/// exact form, fold it, or pair folded syllables, according to the field's form
/// (<see cref="Schema.IndexFields.FormOf"/>).
/// </summary>
internal sealed class VietnameseAnalyzer() : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    /// <summary>Keeps phrases and syllable pairs from spanning two values of a multi-valued field.</summary>
    public const int ValueGap = 100;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) =>
        Components(Schema.IndexFields.FormOf(fieldName), reader);

    public override int GetPositionIncrementGap(string fieldName) => ValueGap;

    public override int GetOffsetGap(string fieldName) => 1;

    private static TokenStreamComponents Components(AnalysisForm form, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        TokenStream stream = new ComposeFilter(tokenizer);
        switch (form)
        {
            case AnalysisForm.Exact:
                break;
            case AnalysisForm.Folded:
                stream = new FoldingFilter(stream);
                break;
            case AnalysisForm.FoldedBigrams:
                var shingles = new ShingleFilter(new FoldingFilter(stream), 2, 2);
                shingles.SetOutputUnigrams(false);
                shingles.SetTokenSeparator(" ");
                stream = shingles;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(form), form, null);
        }
        return new TokenStreamComponents(tokenizer, stream);
    }
}
