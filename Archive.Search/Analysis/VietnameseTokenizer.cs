using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Archive.Search.Analysis;

/// <summary>
/// Splits text into syllables: runs of letters, digits and combining marks (so decomposed NFD
/// input stays one token), lower-cased. Vietnamese writes one syllable per space-separated word,
/// so this is the word segmentation the rest of the analysis builds on.
/// </summary>
internal sealed class VietnameseTokenizer(TextReader input) : CharTokenizer(LuceneVersion.LUCENE_48, input)
{
    protected override bool IsTokenChar(int c)
    {
        if (c < 0x80) return char.IsAsciiLetterOrDigit((char)c);
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }

    protected override int Normalize(int c) =>
        c < LowerCase.Length ? LowerCase[c] : c < 0x10000 ? char.ToLowerInvariant((char)c) : Rune.ToLowerInvariant(new Rune(c)).Value;

    // Latin letters with their Vietnamese diacritics (to U+1EFF) lower-cased once: ICU per character was 6 % of a search.
    private static readonly char[] LowerCase = Enumerable.Range(0, 0x1F00).Select(c => char.ToLowerInvariant((char)c)).ToArray();
}
