using System.Globalization;
using System.Text;

namespace Archive.Search.Analysis;

/// <summary>
/// The folded form of Vietnamese text: diacritics removed and đ → d, so that "quyet dinh" and
/// "quyết định" meet. Works per character on lower-case NFC text; a table covers the Latin
/// blocks Vietnamese uses, so folding a token costs no allocation.
/// </summary>
internal static class VietnameseFolding
{
    // Latin-1 Supplement to Latin Extended Additional (U+1EA0–U+1EF9 holds most Vietnamese letters).
    private const int TableSize = 0x1F00;
    private static readonly char[] Table = BuildTable();

    public static char Fold(char c) => c < TableSize ? Table[c] : c;

    /// <summary>True for a combining mark left over when text could not be composed: it is dropped.</summary>
    public static bool IsCombiningMark(char c) => c is >= '\u0300' and <= '\u036F';

    /// <summary>
    /// Folds <paramref name="text"/> into <paramref name="into"/> (marks dropped), which may be the same characters;
    /// returns the folded length.
    /// </summary>
    public static int Fold(ReadOnlySpan<char> text, Span<char> into)
    {
        var written = 0;
        foreach (var c in text)
        {
            if (IsCombiningMark(c)) continue;
            into[written++] = Fold(c);
        }
        return written;
    }

    public static string Fold(string text)
    {
        var buffer = Normalise(text).ToCharArray();
        return new string(buffer, 0, Fold(buffer, buffer));
    }

    /// <summary>NFC and lower case: the exact form, as the index keeps it.</summary>
    public static string Normalise(string text)
    {
        var composed = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return composed.ToLowerInvariant();
    }

    /// <summary>True when folding changes the text: it carries diacritics or đ.</summary>
    public static bool HasDiacritics(string normalised)
    {
        foreach (var c in normalised)
            if (IsCombiningMark(c) || Fold(c) != c) return true;
        return false;
    }

    private static char[] BuildTable()
    {
        var table = new char[TableSize];
        for (var i = 0; i < TableSize; i++)
        {
            var c = (char)i;
            table[i] = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => BaseLetter(c),
            };
        }
        return table;
    }

    private static char BaseLetter(char c)
    {
        if (!char.IsLetter(c)) return c;
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        if (decomposed.Length < 2 || !decomposed.Skip(1).All(m => CharUnicodeInfo.GetUnicodeCategory(m) == UnicodeCategory.NonSpacingMark))
            return char.ToLowerInvariant(c);
        return char.ToLowerInvariant(decomposed[0]);
    }
}
