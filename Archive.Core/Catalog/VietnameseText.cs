using System.Globalization;
using System.Text;

namespace Archive.Core.Catalog;

/// <summary>
/// Text helpers for Vietnamese input. Users type with or without diacritics, and some
/// keyboards/OSes send decomposed (NFD) text, so every parser normalises to NFC first and
/// compares names in a folded form (no diacritics, đ → d, lower case, single spaces).
/// </summary>
public static class VietnameseText
{
    public static string Nfc(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Length as a user counts it: characters of the NFC form.</summary>
    public static int Length(string text) => Nfc(text).Length;

    /// <summary>
    /// Whether every word of <paramref name="query"/> is in one of the texts, compared folded (with or without diacritics); an
    /// empty query matches everything.
    /// </summary>
    public static bool Matches(string? query, params string?[] texts)
    {
        if (string.IsNullOrWhiteSpace(query)) return true;
        var haystack = Fold(string.Join(' ', texts.OfType<string>()));
        return Fold(query).Split(' ').All(word => haystack.Contains(word, StringComparison.Ordinal));
    }

    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = folded.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                folded.Append(' ');
                pendingSpace = false;
            }
            // đ/Đ are letters of their own, not d + a combining mark, so NFD leaves them.
            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }
        return folded.ToString();
    }
}
