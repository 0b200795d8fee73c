using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>
/// Composes each token to NFC, so that decomposed input (a base letter followed by combining
/// marks, as some keyboards and PDFs send it) indexes and matches like precomposed text, and
/// places its tone mark one way (<see cref="TonePlacement"/>). Offsets still point into the
/// original text.
/// </summary>
internal sealed class ComposeFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public ComposeFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var buffer = _term.Buffer;
        var length = _term.Length;
        for (var i = 0; i < length; i++)
        {
            if (!VietnameseFolding.IsCombiningMark(buffer[i])) continue;
            // Rare path: only tokens that carry a combining mark pay for normalisation.
            var composed = new string(buffer, 0, length).Normalize(NormalizationForm.FormC);
            _term.SetEmpty().Append(composed);
            break;
        }
        TonePlacement.Normalise(_term.Buffer, _term.Length);
        return true;
    }
}
