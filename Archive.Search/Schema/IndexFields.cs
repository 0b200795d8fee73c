using Archive.Search.Analysis;

namespace Archive.Search.Schema;

/// <summary>
/// The names of the index's fields, and how each text field is analysed. A text field is kept in
/// up to three forms side by side: <c>name.x</c> exact, <c>name.f</c> folded, <c>name.f2</c>
/// folded syllable pairs.
/// </summary>
internal static class IndexFields
{
    /// <summary>Bumped whenever fields or analysis change: an index of another schema is rebuilt.</summary>
    public const string SchemaVersion = "2";
    public const string SchemaKey = "archive.index.schema";

    public const string Id = "id";

    /// <summary>Everything searchable as words: trích yếu, full text, type, agency, signer, số/ký hiệu, dossier title.</summary>
    public const string All = "all";
    public const string Subject = "trichyeu";
    public const string TypeName = "loai";
    public const string OrganName = "coquan";
    public const string Signer = "nguoiky";
    public const string DossierTitle = "hoso";

    /// <summary>Số và ký hiệu as one keyword in its <see cref="NotationKey"/> form.</summary>
    public const string Notation = "sokyhieu";
    /// <summary>Issue date as yyyyMMdd: trie terms for ranges, doc values for sorting.</summary>
    public const string IssuedDate = "ngay";
    public const string Year = "nam";
    /// <summary>Mã hồ sơ, upper case.</summary>
    public const string FileCode = "mahoso";
    /// <summary>Thời hạn bảo quản: folded term for queries, display value for facets.</summary>
    public const string Retention = "thoihan";
    /// <summary>Chế độ sử dụng: the TT 02 code as term, the name for facets.</summary>
    public const string Mode = "chedo";
    /// <summary>The issuing agency's code (mã định danh): what access rights are granted by.</summary>
    public const string Organ = "macoquan";

    /// <summary>Stored copies for results and snippets.</summary>
    public const string StoredSubject = "trichyeu.v";
    public const string StoredText = "noidung.v";
    public const string StoredNotation = "sokyhieu.v";
    public const string StoredDate = "ngay.v";
    public const string StoredTypeName = "loai.v";
    public const string StoredOrganName = "coquan.v";
    public const string StoredFileCode = "mahoso.v";

    public static string Exact(string field) => field + ".x";
    public static string Folded(string field) => field + ".f";
    public static string Bigrams(string field) => field + ".f2";

    public static AnalysisForm FormOf(string field) =>
        field.EndsWith(".f2", StringComparison.Ordinal) ? AnalysisForm.FoldedBigrams
        : field.EndsWith(".f", StringComparison.Ordinal) ? AnalysisForm.Folded
        : AnalysisForm.Exact;
}
