using System.Text.Json;
using Archive.Ingest.Pipeline;
using Archive.Tests.Ingest.Conversion;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>
/// Metadata read from the document: administrative documents laid out per NĐ 30 (a decision under a People's Committee written on
/// two lines, a công văn of a department under its province, an announcement), written as HTML and made PDF by LibreOffice, read
/// by poppler's pdftotext; the fields come out as printed, and at intake they fill only what was not given, saying where from.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class MetadataFromDocumentTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Style =
        "<style>body{font-family:'Liberation Serif';font-size:13pt} td{vertical-align:top;text-align:center}</style>";

    private static string Header(string organ, string number, string? vv, string date) =>
        $"<table width=\"100%\"><tr><td width=\"40%\">{organ}<br>———<br>Số: {number}{(vv is null ? "" : $"<br>{vv}")}</td>" +
        "<td width=\"60%\"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b><br>———————<br>" +
        $"<i>{date}</i></td></tr></table>";

    private static readonly Dictionary<string, string> Documents = new()
    {
        ["quyet-dinh"] = Header("ỦY BAN NHÂN DÂN<br><b>TỈNH HÀ TĨNH</b>", "05/QĐ-UBND", null, "Hà Tĩnh, ngày 24 tháng 11 năm 2026") +
                         "<p align=\"center\"><b>QUYẾT ĐỊNH</b><br><b>Về việc ban hành Quy chế quản lý văn bản điện tử<br>" +
                         "trên địa bàn tỉnh Hà Tĩnh</b><br>———</p><p align=\"center\"><b>ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH</b></p>" +
                         "<p>Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;</p>",
        ["cong-van"] = Header("UBND TỈNH HÀ TĨNH<br><b>SỞ NỘI VỤ</b>", "123/SNV-VP",
                           "V/v triển khai quản lý văn bản<br>điện tử năm 2027", "Hà Tĩnh, ngày 03 tháng 12 năm 2026") +
                       "<p>Kính gửi: Các sở, ban, ngành cấp tỉnh</p><p>Thực hiện Quyết định số 05/QĐ-UBND ngày 24/11/2026...</p>",
        ["thong-bao"] = Header("UBND HUYỆN CAN LỘC<br><b>VĂN PHÒNG HĐND VÀ UBND</b>", "07/TB-VP", null,
                            "Can Lộc, ngày 15 tháng 10 năm 2026") +
                        "<p align=\"center\"><b>THÔNG BÁO</b><br><b>Kết luận của Chủ tịch UBND huyện tại buổi làm việc</b></p>" +
                        "<p>Ngày 14 tháng 10 năm 2026, Chủ tịch UBND huyện đã làm việc với...</p>",
    };

    /// <summary>The documents as PDF, made by LibreOffice from HTML in one run.</summary>
    /// <summary>The metadata an ingest left on its first inbox item, as <c>archive inbox show</c> gives it, and what it printed.</summary>
    private static async Task<(Dictionary<string, string> Metadata, CliResult Shown)> InboxMetadataAsync(CliResult ingest, string data)
    {
        var item = JsonDocument.Parse(ingest.Stdout.Split('\n')[0]).RootElement.GetProperty("inboxId").GetString()!;
        var shown = await Cli.RunAsync("inbox", "show", item, "--json", "--data", data);
        var metadata = JsonSerializer.Deserialize<Dictionary<string, string>>(
            JsonDocument.Parse(shown.Stdout).RootElement.GetProperty("metadataJson").GetString()!)!;
        return (metadata, shown);
    }

    private async Task<Dictionary<string, string>> PdfsAsync()
    {
        var html = Documents.Select(d =>
        {
            var path = Data.File(d.Key + ".html");
            File.WriteAllText(path, $"<html><head><meta charset=\"utf-8\">{Style}</head><body>{d.Value}</body></html>");
            return path;
        }).ToList();
        await ExternalTool.SucceedAsync("soffice", "libreoffice-writer-nogui", ["--headless", "--norestore",
            $"-env:UserInstallation=file://{Data.Path}/lo-profile", "--convert-to", "pdf:writer_pdf_Export", "--outdir", Data.Path,
            .. html]);
        return Documents.Keys.ToDictionary(k => k, k => Data.File(k + ".pdf"));
    }

    [Test]
    public async Task The_header_of_each_layout_is_read_as_printed()
    {
        var pdfs = await PdfsAsync();
        DocumentHeader Read(string name) => DocumentHeader.Read(Archive.Tests.Ingest.Signatures.Tool.Run("pdftotext",
            ["-layout", "-f", "1", "-l", "1", pdfs[name], "-"]).Output);

        Assert.That(Read("quyet-dinh"), Is.EqualTo(new DocumentHeader("Quyết định", "05", "QĐ-UBND", new DateOnly(2026, 11, 24), "Hà Tĩnh",
            "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Về việc ban hành Quy chế quản lý văn bản điện tử trên địa bàn tỉnh Hà Tĩnh")));
        Assert.That(Read("cong-van"), Is.EqualTo(new DocumentHeader("Công văn", "123", "SNV-VP", new DateOnly(2026, 12, 3), "Hà Tĩnh",
            "SỞ NỘI VỤ", "Về việc triển khai quản lý văn bản điện tử năm 2027")));
        Assert.That(Read("thong-bao"), Is.EqualTo(new DocumentHeader("Thông báo", "07", "TB-VP", new DateOnly(2026, 10, 15), "Can Lộc",
            "VĂN PHÒNG HĐND VÀ UBND", "Kết luận của Chủ tịch UBND huyện tại buổi làm việc")));
    }

    [Test]
    public async Task At_intake_the_document_fills_only_what_was_not_given_and_the_history_says_where_each_field_came_from()
    {
        var pdfs = await PdfsAsync();
        var given = Data.File("m.json");
        await File.WriteAllTextAsync(given, """{"Subject":"Trích yếu do văn thư nhập"}""");

        var ingest = await Cli.RunAsync("ingest", pdfs["quyet-dinh"], "--metadata", given, "--json", "--data", Data.Path);

        var (metadata, shown) = await InboxMetadataAsync(ingest, Data.Path);
        Assert.That(metadata, Is.SupersetOf(new Dictionary<string, string>
        {
            ["TypeName"] = "Quyết định", ["CodeNumber"] = "05", ["CodeNotation"] = "QĐ-UBND", ["IssuedDate"] = "2026-11-24",
            ["OrganName"] = "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", ["PageAmount"] = "1", ["Subject"] = "Trích yếu do văn thư nhập",
        }), shown.ToString());
        var read = System.Text.RegularExpressions.Regex.Match(shown.Stdout, $"lấy từ {MetadataFromDocument.FromDocument}: [^\".]*").Value;
        Assert.That(read, Does.Contain("Tên loại văn bản").And.Contain("Số lượng trang"), shown.ToString());
        Assert.That(read, Does.Not.Contain("Trích yếu"), "the given subject was not read");
    }

    [Test]
    public async Task A_title_Ghostscript_set_gives_the_subject_and_a_file_name_does_not()
    {
        var plain = SamplePdf.Write(Data.File("khong-tieu-de.pdf"), $"Van ban {Guid.NewGuid():N}");
        var title = "Kế hoạch số hóa tài liệu lưu trữ năm 2027";
        var hex = "FEFF" + Convert.ToHexString(System.Text.Encoding.BigEndianUnicode.GetBytes(title));
        async Task<string> Titled(string name, string pdfmark)
        {
            var path = Data.File(name);
            await ExternalTool.SucceedAsync("gs", "ghostscript", "-q", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", $"-sOutputFile={path}",
                "-c", pdfmark, "-f", plain);
            return path;
        }
        var titled = await Titled("co-tieu-de.pdf", $"[ /Title <{hex}> /DOCINFO pdfmark");
        var named = await Titled("ten-tep.pdf", "[ /Title (bao-cao-2027.docx) /DOCINFO pdfmark");

        foreach (var (file, subject) in new[] { (titled, (string?)title), (named, null) })
        {
            var ingest = await Cli.RunAsync("ingest", file, "--json", "--data", Data.Path);
            var (metadata, shown) = await InboxMetadataAsync(ingest, Data.Path);
            Assert.That(metadata.GetValueOrDefault("Subject"), Is.EqualTo(subject), file);
            if (subject is not null) Assert.That(shown.Stdout, Does.Contain($"lấy từ {MetadataFromDocument.FromTitle}: Trích yếu"));
        }
    }

    [Test]
    public async Task The_tt02_xmp_of_a_preservation_copy_gives_its_fields_back()
    {
        var original = SamplePdf.Write(Data.File("goc.pdf"), $"Van ban {Guid.NewGuid():N}");
        var given = Data.File("m.json");
        await File.WriteAllTextAsync(given, """
            {"TypeName":"Kế hoạch","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","CodeNumber":"17","CodeNotation":"KH-SNV",
             "IssuedDate":"2026-10-05","Subject":"Kế hoạch số hóa tài liệu năm 2027","PageAmount":1}
            """);
        var ingest = await Cli.RunAsync("ingest", original, "--dossier", DemoDossier.Code, "--metadata", given, "--json", "--data",
            Data.Path);
        var id = JsonDocument.Parse(ingest.Stdout.Split('\n')[0]).RootElement.GetProperty("id").GetString()!;
        var copy = Data.File("ban-pdfa.pdf");
        using (var store = Archive.Core.Storage.ArchiveStore.Open(new Archive.Core.Storage.DataFolder(Data.Path), TimeProvider.System,
                   Serilog.Core.Logger.None, catalog: Catalog))
        {
            var pdfa = store.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == id && b.Role == "pdfa")).Single();
            File.Copy(store.Blobs.Location(Archive.Core.Storage.Sha256Digest.Parse(pdfa.Id)), copy);
        }

        using var other = new TempFolder("archive-other");
        Engine.Attach(other.Path);
        await DemoDossier.CreateAsync(other.Path);
        var again = await Cli.RunAsync("ingest", copy, "--json", "--data", other.Path);
        var (metadata, shown) = await InboxMetadataAsync(again, other.Path);
        Assert.That(metadata, Is.SupersetOf(new Dictionary<string, string>
        {
            ["TypeName"] = "Kế hoạch", ["CodeNumber"] = "17", ["CodeNotation"] = "KH-SNV", ["IssuedDate"] = "2026-10-05",
            ["OrganName"] = "Sở Nội vụ tỉnh Hà Tĩnh", ["Subject"] = "Kế hoạch số hóa tài liệu năm 2027",
        }), shown.ToString());
        Assert.That(shown.Stdout, Does.Contain($"lấy từ {MetadataFromDocument.FromXmp}: Tên loại văn bản"));
    }
}
