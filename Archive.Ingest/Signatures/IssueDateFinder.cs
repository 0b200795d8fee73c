using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Finds a document's issue date in its first page's text, written as administrative documents
/// write it: "Hà Tĩnh, ngày 24 tháng 11 năm 2026" (with or without diacritics).
/// </summary>
public static partial class IssueDateFinder
{
    [GeneratedRegex(@"ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    public static DateOnly? Find(string text)
    {
        var m = Pattern().Match(Fold(text));
        if (!m.Success) return null;
        var numbers = Enumerable.Range(1, 3).Select(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture)).ToArray();
        try
        {
            return new DateOnly(numbers[2], numbers[1], numbers[0]);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return builder.ToString();
    }
}
