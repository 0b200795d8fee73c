using System.Globalization;
using System.Text;

namespace Archive.Core.Registry;

/// <summary>Độ khẩn (NĐ 30): "Khẩn", "Thượng khẩn" and "Hỏa tốc" documents are presented at once, the same day.</summary>
public static class Urgency
{
    public static bool IsUrgent(string? priority)
    {
        if (string.IsNullOrWhiteSpace(priority)) return false;
        var folded = Fold(priority);
        return folded.Contains("khan", StringComparison.Ordinal) || folded.Contains("hoa toc", StringComparison.Ordinal);
    }

    /// <summary>Lower case, without diacritics, đ as d: senders write "Hỏa tốc", "HOẢ TỐC" or "hoa toc".</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        return folded.ToString();
    }
}
