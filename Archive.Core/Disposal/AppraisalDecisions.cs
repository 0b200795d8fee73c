using Archive.Core.Catalog;

namespace Archive.Core.Disposal;

/// <summary>The council's decisions as the command line takes them and people read them.</summary>
public static class AppraisalDecisions
{
    private static readonly (AppraisalDecision Decision, string Code, string Name)[] Table =
    [
        (AppraisalDecision.Keep, "giu", "giữ lại, kéo dài thời hạn bảo quản"),
        (AppraisalDecision.Transfer, "nop-luu", "bảo quản vĩnh viễn, nộp lưu Lưu trữ lịch sử"),
        (AppraisalDecision.Destroy, "huy", "hủy tài liệu hết giá trị"),
    ];

    public static string Code(AppraisalDecision decision) => Table.First(t => t.Decision == decision).Code;

    public static string Name(AppraisalDecision decision) => Table.First(t => t.Decision == decision).Name;

    /// <summary>Accepts "giu", "nop-luu", "huy" or the words with or without diacritics ("giữ", "hủy").</summary>
    public static AppraisalDecision Parse(string text)
    {
        var folded = VietnameseText.Fold(text?.Trim() ?? "").Replace(' ', '-');
        foreach (var (decision, code, _) in Table)
            if (folded == code || folded == code.Replace("-", "", StringComparison.Ordinal)) return decision;
        throw new Application.InvalidRequestException(
            $"Quyết định \"{text?.Trim()}\" không có; chỉ có {string.Join(", ", Table.Select(t => $"{t.Code} ({t.Name})"))}.");
    }
}
