using System.Collections.Frozen;
using Archive.Search.Analysis;
using Archive.Search.Schema;

namespace Archive.Search.Querying;

/// <summary>What kind of value a field holds, which decides how a query on it is built.</summary>
internal enum SearchFieldKind
{
    /// <summary>Words, matched folded (and ranked exact where the index keeps the exact form).</summary>
    Text,
    Notation,
    Date,
    Year,
    FileCode,
    Retention,
    Mode,
}

/// <summary>
/// A field the query language names (<c>coquan:"Sở Tài chính"</c>), with the names users may type.
/// The one table of field names: edit here.
/// </summary>
internal sealed record SearchField(string Name, SearchFieldKind Kind, string IndexField, string Label)
{
    public static readonly SearchField FullText = new("noidung", SearchFieldKind.Text, IndexFields.All, "Toàn văn");
    public static readonly SearchField Subject = new("trichyeu", SearchFieldKind.Text, IndexFields.Subject, "Trích yếu");
    public static readonly SearchField Notation = new("sokyhieu", SearchFieldKind.Notation, IndexFields.Notation, "Số và ký hiệu");
    public static readonly SearchField TypeName = new("loai", SearchFieldKind.Text, IndexFields.TypeName, "Tên loại");
    public static readonly SearchField OrganName = new("coquan", SearchFieldKind.Text, IndexFields.OrganName, "Cơ quan ban hành");
    public static readonly SearchField Signer = new("nguoiky", SearchFieldKind.Text, IndexFields.Signer, "Người ký");
    public static readonly SearchField IssuedDate = new("ngay", SearchFieldKind.Date, IndexFields.IssuedDate, "Ngày văn bản");
    public static readonly SearchField FileCode = new("mahoso", SearchFieldKind.FileCode, IndexFields.FileCode, "Mã hồ sơ");
    public static readonly SearchField DossierTitle = new("hoso", SearchFieldKind.Text, IndexFields.DossierTitle, "Tiêu đề hồ sơ");
    public static readonly SearchField Retention = new("thoihan", SearchFieldKind.Retention, IndexFields.Retention, "Thời hạn bảo quản");
    public static readonly SearchField Mode = new("chedo", SearchFieldKind.Mode, IndexFields.Mode, "Chế độ sử dụng");
    public static readonly SearchField Year = new("nam", SearchFieldKind.Year, IndexFields.Year, "Năm");

    public static readonly IReadOnlyList<SearchField> All =
        [FullText, Subject, Notation, TypeName, OrganName, Signer, IssuedDate, FileCode, DossierTitle, Retention, Mode, Year];

    // Names as users type them, folded: "trích yếu" and "trich_yeu" both become "trichyeu".
    private static readonly FrozenDictionary<string, SearchField> ByName = new Dictionary<string, SearchField>
    {
        ["noidung"] = FullText, ["toanvan"] = FullText, ["text"] = FullText,
        ["trichyeu"] = Subject, ["tieude"] = Subject,
        ["sokyhieu"] = Notation, ["so"] = Notation, ["kyhieu"] = Notation, ["sokh"] = Notation,
        ["loai"] = TypeName, ["tenloai"] = TypeName,
        ["coquan"] = OrganName, ["coquanbanhanh"] = OrganName, ["noibanhanh"] = OrganName,
        ["nguoiky"] = Signer,
        ["ngay"] = IssuedDate, ["ngayvanban"] = IssuedDate,
        ["mahoso"] = FileCode,
        ["hoso"] = DossierTitle,
        ["thoihan"] = Retention, ["thoihanbaoquan"] = Retention,
        ["chedo"] = Mode, ["chedosudung"] = Mode,
        ["nam"] = Year,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static SearchField? Find(string typed)
    {
        var key = string.Concat(VietnameseFolding.Fold(typed).Where(char.IsAsciiLetterOrDigit));
        return ByName.GetValueOrDefault(key);
    }
}
