using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>Replaces each (NFC, lower-case) token by its folded form: no diacritics, đ → d.</summary>
internal sealed class FoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;

    public FoldingFilter(TokenStream input) : base(input) => _term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        _term.Length = VietnameseFolding.Fold(_term.Buffer.AsSpan(0, _term.Length), _term.Buffer);
        return true;
    }
}
