using Archive.Core.Catalog;

namespace Archive.Core.Registry;

/// <summary>Độ khẩn (NĐ 30): "Khẩn", "Thượng khẩn" and "Hỏa tốc" documents are presented at once, the same day.</summary>
public static class Urgency
{
    public static bool IsUrgent(string? priority)
    {
        if (string.IsNullOrWhiteSpace(priority)) return false;
        // Senders write "Hỏa tốc", "HOẢ TỐC" or "hoa toc".
        var folded = VietnameseText.Fold(priority);
        return folded.Contains("khan", StringComparison.Ordinal) || folded.Contains("hoa toc", StringComparison.Ordinal);
    }
}
