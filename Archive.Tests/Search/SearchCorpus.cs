using System.Globalization;
using System.Text;
using Archive.Core.Catalog;
using Archive.Core.Indexing;

namespace Archive.Tests.Search;

/// <summary>
/// A Vietnamese corpus written for the search tests: 240 generated documents of varied types,
/// agencies, dates, subjects and retention, some restricted, some near-duplicates differing only
/// in diacritics, plus a few hand-written documents that the ranking and lookup tests name.
/// Deterministic: the same seed gives the same corpus.
/// </summary>
internal static class SearchCorpus
{
    public const int GeneratedCount = 240;

    // Hand-written documents the tests refer to by id.
    public const string NotationDocument = "fixed-notation";
    public const string Notation = "1234/QĐ-UBND";
    public const string ExactDiacritics = "fixed-exact";
    public const string NoDiacritics = "fixed-folded";
    public const string AdjacentPhrase = "fixed-phrase";
    public const string ScatteredSyllables = "fixed-scattered";
    public const string RestrictedDocument = "fixed-restricted";
    public const string RestrictedWords = "kho lưu trữ tuyệt mật Khe Sanh";
    public const string DecomposedDocument = "fixed-nfd";

    private static readonly (string Type, string? Abbreviation)[] Types =
    [
        ("Quyết định", "QĐ"), ("Công văn", null), ("Báo cáo", "BC"), ("Kế hoạch", "KH"),
        ("Thông báo", "TB"), ("Tờ trình", "TTr"), ("Hướng dẫn", "HD"),
    ];

    private static readonly string[] Topics =
    [
        "phê duyệt kế hoạch phát triển giáo dục", "bảo vệ rừng phòng hộ ven biển", "phòng chống dịch bệnh truyền nhiễm",
        "quản lý đất đai và cấp giấy chứng nhận", "xây dựng nông thôn mới", "bổ nhiệm cán bộ lãnh đạo",
        "tổ chức kỳ thi tốt nghiệp trung học phổ thông", "giao dự toán ngân sách nhà nước", "cải cách thủ tục hành chính",
        "phòng chống thiên tai và tìm kiếm cứu nạn", "hỗ trợ hộ nghèo vay vốn sản xuất", "kiểm tra an toàn thực phẩm",
    ];

    private static readonly string[] Sentences =
    [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015.",
        "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 45/TTr-SNV.",
        "Các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành văn bản này.",
        "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành hướng dẫn thực hiện.",
        "Ủy ban nhân dân các huyện, thành phố, thị xã tổ chức triển khai đến cơ sở.",
        "Báo cáo kết quả thực hiện về Ủy ban nhân dân tỉnh trước ngày 15 hằng tháng.",
        "Kinh phí thực hiện từ nguồn ngân sách địa phương và các nguồn hợp pháp khác.",
        "Trong quá trình thực hiện, nếu có vướng mắc, các đơn vị phản ánh kịp thời.",
        "Tăng cường công tác tuyên truyền, nâng cao nhận thức của người dân.",
        "Đẩy mạnh ứng dụng công nghệ thông tin trong quản lý và điều hành.",
    ];

    private static readonly RetentionPeriod[] Retentions =
        [RetentionPeriod.Permanent, RetentionPeriod.FromYears(10), RetentionPeriod.FromYears(20), RetentionPeriod.FromYears(50)];

    /// <summary>The whole corpus: generated documents first, then the hand-written ones.</summary>
    public static IReadOnlyList<IndexedDocument> Build(int seed = 2019)
    {
        var random = new Random(seed);
        var documents = new List<IndexedDocument>(GeneratedCount + 10);
        for (var i = 0; i < GeneratedCount; i++)
        {
            var agency = CorpusAgency.All[random.Next(CorpusAgency.All.Count)];
            var (type, abbreviation) = Types[random.Next(Types.Length)];
            var topic = Topics[random.Next(Topics.Length)];
            var date = new DateOnly(2015, 1, 1).AddDays(random.Next(10 * 365));
            var notation = abbreviation is null
                ? $"{i + 10}/{agency.Abbreviation}-VP"
                : $"{i + 10}/{abbreviation}-{agency.Abbreviation}";
            var text = new StringBuilder($"{type} về việc {topic} năm {date.Year}. ");
            for (var s = 0; s < 3 + random.Next(4); s++) text.Append(Sentences[random.Next(Sentences.Length)]).Append(' ');
            var mode = i % 10 == 7 ? AccessMode.Restricted : AccessMode.Open;
            documents.Add(Document($"gen-{i:D3}", agency, type, notation, date, $"V/v {topic}", text.ToString(), mode,
                Retentions[random.Next(Retentions.Length)]));
            // Every twentieth document has a near-duplicate typed without diacritics.
            if (i % 20 == 3)
                documents.Add(Document($"gen-{i:D3}-ascii", agency, type, notation, date, Strip($"V/v {topic}"), Strip(text.ToString()),
                    AccessMode.Open, RetentionPeriod.FromYears(10)));
        }

        documents.Add(Document(NotationDocument, CorpusAgency.Province, "Quyết định", Notation, new DateOnly(2019, 4, 12),
            "Quyết định về việc ban hành quy chế làm việc của Ủy ban nhân dân tỉnh",
            "Ban hành kèm theo Quyết định này Quy chế làm việc.", AccessMode.Open, RetentionPeriod.Permanent));
        documents.Add(Document(ExactDiacritics, CorpusAgency.Health, "Thông báo", "77/TB-SYT", new DateOnly(2021, 3, 2),
            "Thông báo kết luận của giám đốc về hội đồng thẩm định giá thuốc",
            "Hội đồng thẩm định giá thuốc họp phiên thứ nhất.", AccessMode.Open, RetentionPeriod.FromYears(20)));
        documents.Add(Document(NoDiacritics, CorpusAgency.Health, "Thông báo", "78/TB-SYT", new DateOnly(2021, 3, 2),
            "Thong bao ket luan cua giam doc ve hoi dong tham dinh gia thuoc",
            "Hoi dong tham dinh gia thuoc hop phien thu nhat.", AccessMode.Open, RetentionPeriod.FromYears(20)));
        documents.Add(Document(AdjacentPhrase, CorpusAgency.Environment, "Kế hoạch", "88/KH-STNMT", new DateOnly(2022, 6, 5),
            "Kế hoạch hành động của ngành",
            "Triển khai chương trình quan trắc san hô và cỏ biển tại các đầm phá. Tổ chức đợt ra quân thu gom rác thải nhựa.",
            AccessMode.Open, RetentionPeriod.FromYears(10)));
        documents.Add(Document(ScatteredSyllables, CorpusAgency.Environment, "Kế hoạch", "89/KH-STNMT", new DateOnly(2022, 6, 6),
            "Kế hoạch hành động của ngành",
            "Khảo sát cỏ dại ven đường và san lấp mặt bằng. Quan trắc chất lượng nước biển tại hồ chứa và tại các đầm phá.",
            AccessMode.Open, RetentionPeriod.FromYears(10)));
        documents.Add(Document(RestrictedDocument, CorpusAgency.Province, "Báo cáo", "99/BC-UBND", new DateOnly(2020, 9, 9),
            $"Báo cáo về {RestrictedWords}", $"Nội dung về {RestrictedWords} chỉ phục vụ lãnh đạo.",
            AccessMode.Restricted, RetentionPeriod.Permanent));
        // The same kind of text as a PDF might give it: decomposed (NFD), a base letter then its marks.
        documents.Add(Document(DecomposedDocument, CorpusAgency.Agriculture, "Công văn", "101/SNN-VP", new DateOnly(2023, 1, 16),
            "Về việc chăm sóc đàn trâu bò trong mùa rét đậm".Normalize(NormalizationForm.FormD),
            "Đề nghị các huyện hướng dẫn nhân dân chống rét cho đàn trâu bò.".Normalize(NormalizationForm.FormD),
            AccessMode.Open, RetentionPeriod.FromYears(10)));
        return documents;
    }

    public static IndexedDocument Document(string id, CorpusAgency agency, string type, string? notation, DateOnly? date,
        string subject, string text, AccessMode mode, RetentionPeriod retention)
    {
        var year = date?.Year ?? 2020;
        var fileCode = DossierCode.Compose(agency.Code, year, "01.TH");
        string? number = null, codeNotation = null;
        if (notation is not null)
        {
            var slash = notation.IndexOf('/');
            number = notation[..slash];
            codeNotation = notation[(slash + 1)..];
        }
        return new IndexedDocument
        {
            Document = new ArchivedDocument
            {
                Id = id,
                DocCode = $"{agency.Code.Value}.{year.ToString(CultureInfo.InvariantCulture)}.{id}",
                FileCode = fileCode,
                OrganId = agency.Code,
                FileCatalog = year,
                FileNotation = fileCode.FileNotation,
                DocOrdinal = 1,
                TypeName = type,
                CodeNumber = number,
                CodeNotation = codeNotation,
                IssuedDate = date,
                OrganName = agency.Name,
                Subject = subject,
                Mode = mode,
                Origin = DocumentOrigin.BornDigital,
            },
            FullText = text,
            Retention = retention,
            DossierTitle = $"Hồ sơ công việc năm {year}",
        };
    }

    /// <summary>The same text typed without diacritics (and đ as d), as some staff still type.</summary>
    public static string Strip(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return builder.ToString();
    }
}
