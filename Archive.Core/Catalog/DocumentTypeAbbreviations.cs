using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Archive.Core.Catalog;

/// <summary>
/// Chữ viết tắt tên loại văn bản (NĐ 30/2020, Phụ lục III; TT02.md §5). The one table of
/// abbreviations: add or correct an entry here. Keys are case-sensitive (QyĐ, CTr, TTr, TrS)
/// and distinguish D from Đ (DA Dự án vs ĐA Đề án).
/// </summary>
public static class DocumentTypeAbbreviations
{
    private static readonly FrozenDictionary<string, string> Table = new KeyValuePair<string, string>[]
    {
        new("NQ", "Nghị quyết"),
        new("QĐ", "Quyết định"),
        new("CT", "Chỉ thị"),
        new("QC", "Quy chế"),
        new("QyĐ", "Quy định"),
        new("TC", "Thông cáo"),
        new("TB", "Thông báo"),
        new("HD", "Hướng dẫn"),
        new("CTr", "Chương trình"),
        new("KH", "Kế hoạch"),
        new("PA", "Phương án"),
        new("ĐA", "Đề án"),
        new("DA", "Dự án"),
        new("BC", "Báo cáo"),
        new("BB", "Biên bản"),
        new("TTr", "Tờ trình"),
        new("HĐ", "Hợp đồng"),
        new("CĐ", "Công điện"),
        new("BGN", "Bản ghi nhớ"),
        new("BTT", "Bản thỏa thuận"),
        new("GUQ", "Giấy ủy quyền"),
        new("GM", "Giấy mời"),
        new("GGT", "Giấy giới thiệu"),
        new("GNP", "Giấy nghỉ phép"),
        new("PG", "Phiếu gửi"),
        new("PC", "Phiếu chuyển"),
        new("PB", "Phiếu báo"),
        new("SY", "Bản sao y"),
        new("TrS", "Bản trích sao"),
        new("SL", "Bản sao lục"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Abbreviation → Vietnamese document type name, e.g. QĐ → "Quyết định".</summary>
    public static IReadOnlyDictionary<string, string> All => Table;

    public static bool TryGetTypeName(string abbreviation, [NotNullWhen(true)] out string? typeName) =>
        Table.TryGetValue(VietnameseText.Nfc(abbreviation), out typeName);

    public static bool Contains(string abbreviation) => Table.ContainsKey(VietnameseText.Nfc(abbreviation));
}
