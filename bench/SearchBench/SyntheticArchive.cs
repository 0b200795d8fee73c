using System.Globalization;
using System.Text;
using Archive.Core.Catalog;
using Archive.Core.Indexing;

namespace SearchBench;

/// <summary>
/// Generates synthetic archived documents: realistic metadata (types, agencies, notations,
/// dates from 2010 to 2024, retention, access mode) and about 1 KB of Vietnamese administrative
/// prose each, from a fixed vocabulary with a skewed (Zipf-like) word frequency.
/// Document <c>n</c> is always the same for the same seed, so queries can name what exists.
/// </summary>
internal sealed class SyntheticArchive(int seed)
{
    public static readonly (string Type, string? Abbreviation)[] Types =
    [
        ("Quyết định", "QĐ"), ("Công văn", null), ("Báo cáo", "BC"), ("Kế hoạch", "KH"), ("Thông báo", "TB"),
        ("Tờ trình", "TTr"), ("Hướng dẫn", "HD"), ("Nghị quyết", "NQ"), ("Chỉ thị", "CT"), ("Biên bản", "BB"),
    ];

    public static readonly (string Code, string Name, string Abbreviation)[] Agencies =
    [
        ("000.00.00.H42", "UBND tỉnh Hà Tĩnh", "UBND"), ("000.00.04.G14", "Sở Tài nguyên và Môi trường", "STNMT"),
        ("000.00.05.G14", "Sở Giáo dục và Đào tạo", "SGDĐT"), ("000.00.06.G14", "Sở Y tế", "SYT"),
        ("000.00.07.G14", "Sở Tài chính", "STC"), ("000.00.08.G14", "Sở Nông nghiệp và Phát triển nông thôn", "SNN"),
        ("000.00.09.G14", "Sở Xây dựng", "SXD"), ("000.00.10.G14", "Sở Nội vụ", "SNV"), ("000.00.11.G14", "Sở Giao thông vận tải", "SGTVT"),
        ("000.00.12.G14", "Sở Kế hoạch và Đầu tư", "SKHĐT"), ("000.00.13.G14", "Sở Công Thương", "SCT"),
        ("000.00.14.G14", "Sở Lao động - Thương binh và Xã hội", "SLĐTBXH"),
    ];

    public static readonly string[] Topics =
    [
        "phê duyệt kế hoạch phát triển giáo dục", "bảo vệ rừng phòng hộ ven biển", "phòng chống dịch bệnh truyền nhiễm",
        "quản lý đất đai và cấp giấy chứng nhận quyền sử dụng đất", "xây dựng nông thôn mới", "bổ nhiệm cán bộ lãnh đạo",
        "tổ chức kỳ thi tốt nghiệp trung học phổ thông", "giao dự toán ngân sách nhà nước", "cải cách thủ tục hành chính",
        "phòng chống thiên tai và tìm kiếm cứu nạn", "hỗ trợ hộ nghèo vay vốn sản xuất", "kiểm tra an toàn thực phẩm",
        "đầu tư xây dựng công trình giao thông", "quy hoạch sử dụng đất", "chuyển đổi số trong cơ quan nhà nước",
        "thu hồi đất để thực hiện dự án", "khen thưởng tập thể và cá nhân", "tuyển dụng viên chức",
        "bảo vệ môi trường làng nghề", "phát triển du lịch cộng đồng",
    ];

    // Words of administrative prose, roughly from most to least frequent.
    private static readonly string[] Words =
    [
        "thực hiện", "các", "của", "và", "cơ quan", "đơn vị", "theo", "quy định", "tỉnh", "công tác", "quản lý", "được",
        "trên", "địa bàn", "trong", "năm", "kế hoạch", "tổ chức", "triển khai", "nhiệm vụ", "ủy ban nhân dân", "huyện",
        "xã", "phường", "thị trấn", "báo cáo", "kết quả", "chỉ đạo", "phối hợp", "kiểm tra", "giám sát", "đánh giá",
        "hướng dẫn", "văn bản", "pháp luật", "chính sách", "người dân", "doanh nghiệp", "ngân sách", "kinh phí", "nguồn vốn",
        "đầu tư", "xây dựng", "công trình", "dự án", "đất đai", "môi trường", "tài nguyên", "rừng", "biển", "nông nghiệp",
        "nông thôn", "giáo dục", "đào tạo", "học sinh", "giáo viên", "y tế", "bệnh viện", "dịch bệnh", "phòng chống",
        "an toàn", "thực phẩm", "giao thông", "vận tải", "du lịch", "văn hóa", "thể thao", "lao động", "việc làm",
        "bảo hiểm", "xã hội", "hộ nghèo", "cán bộ", "công chức", "viên chức", "tuyển dụng", "bổ nhiệm", "khen thưởng",
        "kỷ luật", "thanh tra", "khiếu nại", "tố cáo", "hành chính", "thủ tục", "cải cách", "chuyển đổi số", "công nghệ thông tin",
        "dữ liệu", "hồ sơ", "lưu trữ", "tài liệu", "thời hạn", "tiến độ", "chất lượng", "hiệu quả", "tăng cường", "nâng cao",
        "đẩy mạnh", "tháo gỡ", "khó khăn", "vướng mắc", "đề xuất", "kiến nghị", "giải pháp", "mục tiêu", "chỉ tiêu",
        "phát triển", "kinh tế", "bền vững", "thiên tai", "bão", "lũ lụt", "hạn hán", "cứu nạn", "cứu hộ", "di dời",
        "tái định cư", "bồi thường", "giải phóng mặt bằng", "quy hoạch", "sử dụng đất", "giấy chứng nhận", "quyền sở hữu",
        "nhà ở", "đô thị", "hạ tầng", "cấp nước", "thoát nước", "điện", "chiếu sáng", "trường học", "trạm y tế", "chợ",
        "khu công nghiệp", "làng nghề", "thủy sản", "chăn nuôi", "trồng trọt", "cây trồng", "vật nuôi", "giống", "phân bón",
        "thuốc bảo vệ thực vật", "xuất khẩu", "thương mại", "thị trường", "giá cả", "thuế", "phí", "lệ phí", "quyết toán",
        "dự toán", "tạm ứng", "thanh toán", "hợp đồng", "nghiệm thu", "bàn giao", "vận hành", "bảo trì", "sửa chữa",
        "nâng cấp", "mở rộng", "đường", "cầu", "cống", "đê điều", "hồ chứa", "kênh mương", "thủy lợi", "quốc phòng", "an ninh",
        "trật tự", "biên giới", "hải đảo", "ngư dân", "tàu cá", "cảng", "sân bay", "khách sạn", "lễ hội", "di tích",
        "bảo tồn", "tôn tạo", "thanh niên", "phụ nữ", "trẻ em", "người cao tuổi", "người khuyết tật", "dân tộc thiểu số",
        "miền núi", "vùng sâu", "vùng xa", "đặc biệt khó khăn", "hỗ trợ", "cho vay", "ưu đãi", "miễn", "giảm", "gia hạn",
    ];

    // Place names and other rare, selective words that real documents are full of.
    private static readonly string[] Districts =
    [
        "Hồng Lĩnh", "Kỳ Anh", "Hương Sơn", "Đức Thọ", "Vũ Quang", "Nghi Xuân", "Can Lộc", "Hương Khê", "Thạch Hà",
        "Cẩm Xuyên", "Lộc Hà", "Thạch Trung", "Thạch Quý", "Cẩm Bình", "Kỳ Phương", "Sơn Kim", "Đức Đồng", "Xuân Thành",
        "Thiên Cầm", "Vũng Áng", "Cầu Treo", "Kẻ Gỗ", "Ngàn Phố", "Ngàn Sâu", "Hồng Lộc", "Thạch Văn", "Cẩm Nhượng",
        "Kỳ Lợi", "Hương Liên", "Phúc Trạch",
    ];

    // Syllables from which the long tail of rarer terms is composed (project names, specific
    // matters): real text has thousands of terms that each appear in few documents.
    private static readonly string[] Syllables =
    [
        "an", "bình", "cát", "dương", "đông", "giang", "hải", "hòa", "khánh", "lâm", "long", "minh", "nam", "phú",
        "quang", "sơn", "tân", "thành", "thịnh", "tiến", "trung", "vĩnh", "xuân", "yên", "cầu", "kênh", "đập", "trạm",
        "bơm", "tràn", "mương", "lưới", "điện", "cáp", "quang", "sổ", "đỏ", "thẻ", "căn", "cước", "mầm", "non", "tiểu",
        "học", "nghề", "mộc", "gốm", "muối", "cói", "chè", "cam", "bưởi", "sen", "lúa", "ngô", "sắn", "keo", "thông",
        "tràm", "ngập", "mặn", "sạt", "lở", "bồi", "lắng", "nạo", "vét", "kè", "đá", "bê", "tông", "nhựa", "sỏi",
    ];

    private static readonly string[] Tail = BuildTail();

    private static string[] BuildTail()
    {
        var tail = new List<string>(5000);
        for (var i = 0; tail.Count < 5000; i++)
        {
            var a = Syllables[i % Syllables.Length];
            var b = Syllables[(i / Syllables.Length * 7 + i) % Syllables.Length];
            if (a != b) tail.Add($"{a} {b}");
        }
        return [.. tail.Distinct()];
    }

    private static readonly string[] Signers =
        ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Đức", "Võ Thị Hà", "Đặng Văn Hùng", "Bùi Thị Lan"];

    private static readonly RetentionPeriod[] Retentions =
        [RetentionPeriod.Permanent, RetentionPeriod.FromYears(10), RetentionPeriod.FromYears(20), RetentionPeriod.FromYears(50), RetentionPeriod.FromYears(5)];

    private static readonly DateOnly FirstDay = new(2010, 1, 1);
    private const int Days = 15 * 365;

    // Cumulative Zipf weights over Words, so common words are common and rare words rare.
    private static readonly double[] Cumulative = BuildCumulative();

    public IEnumerable<IndexedDocument> Documents(int count)
    {
        for (var n = 0; n < count; n++) yield return Document(n);
    }

    public static string NotationOf(int n)
    {
        var (type, agency, _, _) = Shape(n);
        var (_, abbreviation) = Types[type];
        var issuer = Agencies[agency].Abbreviation;
        return abbreviation is null ? $"{n + 10}/{issuer}-VP" : $"{n + 10}/{abbreviation}-{issuer}";
    }

    public IndexedDocument Document(int n)
    {
        var random = new Random((int)(Mix((ulong)seed << 32 | (uint)n) & int.MaxValue));
        var (type, agencyIndex, topicIndex, date) = Shape(n);
        var agency = Agencies[agencyIndex];
        var code = AgencyCode.Parse(agency.Code);
        var fileCode = DossierCode.Compose(code, date.Year, $"{(n % 50) + 1:D2}.TH");
        var topic = Topics[topicIndex];
        var notation = NotationOf(n);
        var slash = notation.IndexOf('/');
        var text = new StringBuilder(1200);
        text.Append(Types[type].Type).Append(" về việc ").Append(topic).Append(". ");
        while (text.Length < 1000)
        {
            var length = 8 + random.Next(12);
            for (var w = 0; w < length; w++)
            {
                // Half general administrative language, a quarter the document's own subject matter,
                // the rest rarer terms, places and amounts: words depend on what a document is about.
                var word = random.Next(20) switch
                {
                    0 => $"{random.Next(1, 5000)} triệu đồng",
                    1 => $"{(random.Next(3) == 0 ? "xã" : "huyện")} {Districts[random.Next(Districts.Length)]}",
                    < 5 => TailWord(random),
                    < 10 => TopicWord(random, topicIndex),
                    _ => Word(random),
                };
                text.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == length - 1 ? ". " : " ");
            }
        }
        return new IndexedDocument
        {
            Document = new ArchivedDocument
            {
                Id = $"bench-{n:D7}",
                DocCode = $"{agency.Code}.{date.Year.ToString(CultureInfo.InvariantCulture)}.{n:D7}",
                FileCode = fileCode,
                OrganId = code,
                FileCatalog = date.Year,
                FileNotation = fileCode.FileNotation,
                DocOrdinal = n % 100 + 1,
                TypeName = Types[type].Type,
                CodeNumber = notation[..slash],
                CodeNotation = notation[(slash + 1)..],
                IssuedDate = date,
                OrganName = agency.Name,
                Subject = $"V/v {topic} {Word(random)} {Word(random)}",
                Mode = n % 20 == 0 ? AccessMode.Restricted : AccessMode.Open,
                Origin = DocumentOrigin.BornDigital,
            },
            FullText = text.ToString(),
            Retention = Retentions[n % Retentions.Length],
            DossierTitle = $"Hồ sơ {topic} năm {date.Year}",
            Signer = Signers[n % Signers.Length],
        };
    }

    /// <summary>The metadata a document is built around, cheap to recompute for queries.</summary>
    private static (int Type, int Agency, int Topic, DateOnly Date) Shape(int n)
    {
        var h = (uint)Mix((ulong)n + 7919);
        return ((int)(h % (uint)Types.Length), (int)(h / 16 % (uint)Agencies.Length), (int)(h / 256 % (uint)Topics.Length),
            FirstDay.AddDays((int)(h / 4096 % Days)));
    }

    // SplitMix64: a fixed mix, unlike HashCode, which is seeded anew in every process.
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }

    /// <summary>A word of general administrative language, the commonest most often.</summary>
    public static string Word(Random random)
    {
        var x = random.NextDouble();
        var index = Array.BinarySearch(Cumulative, x);
        return Words[index < 0 ? Math.Min(~index, GeneralWords - 1) : index];
    }

    /// <summary>Words as staff search them: content words, not the commonest dozens, which are in nearly every document.</summary>
    public static string ContentWord(Random random) => random.Next(6) switch
    {
        0 => Districts[random.Next(Districts.Length)],
        1 or 2 => TailWord(random),
        _ => TopicWord(random, random.Next(Topics.Length)),
    };

    /// <summary>A word of one subject matter: each topic owns a run of the subject-specific words.</summary>
    public static string TopicWord(Random random, int topic)
    {
        var perTopic = (Words.Length - GeneralWords) / Topics.Length;
        return Words[GeneralWords + topic * perTopic + random.Next(perTopic)];
    }

    /// <summary>How many of the first words are general administrative language, used by every topic.</summary>
    private const int GeneralWords = 38;

    /// <summary>A term of the long tail, Zipf-like too: some tail terms are common, most are rare.</summary>
    public static string TailWord(Random random) => Tail[(int)(Tail.Length * Math.Pow(random.NextDouble(), 2.5))];



    private static double[] BuildCumulative()
    {
        var weights = Enumerable.Range(1, GeneralWords).Select(rank => 1.0 / Math.Pow(rank, 0.9)).ToArray();
        var total = weights.Sum();
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            sum += weights[i] / total;
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
