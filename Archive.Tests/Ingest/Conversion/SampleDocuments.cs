using System.Security;
using Archive.Core.Catalog;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// Inputs made at test time, so the repository stays small: a Vietnamese letter as flat ODF,
/// turned by LibreOffice into PDF or DOCX, and rendered by pdftoppm into a 300 dpi scan.
/// </summary>
internal static class SampleDocuments
{
    public const string Heading = "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH";
    public const string Title = "QUYẾT ĐỊNH";
    public const string Body = "Quyết định về việc ban hành quy chế quản lý văn bản điện tử";

    public static ArchivedDocument Document() => new()
    {
        Id = "01JCONVERSIONTEST000000000",
        DocCode = "000.00.00.H42.2019.0005",
        FileCode = DossierCode.Parse("000.00.00.H42.2019.01.TH"),
        OrganId = AgencyCode.Parse("000.00.00.H42"),
        FileCatalog = 2019,
        FileNotation = "01.TH",
        DocOrdinal = 5,
        TypeName = "Quyết định",
        CodeNumber = "05",
        CodeNotation = "QĐ-UBND",
        IssuedDate = new DateOnly(2019, 4, 12),
        OrganName = "Ủy ban nhân dân tỉnh Hà Tĩnh",
        // Characters XML and PostScript both care about, beside Vietnamese ones.
        Subject = "Ban hành quy chế <văn bản> điện tử & lưu trữ (thử nghiệm)",
        Language = LanguageCode.Vietnamese,
        PageAmount = 1,
        Keyword = "quy chế; lưu trữ",
        Mode = AccessMode.Open,
        ConfidenceLevel = ConfidenceLevel.Original,
        Origin = DocumentOrigin.BornDigital,
    };

    /// <summary>A flat ODF text document in a large DejaVu Serif (clear for OCR, full Vietnamese glyphs).</summary>
    public static string WriteFlatOdt(TempFolder folder, string name = "letter.fodt") =>
        WriteFlatOdt(folder, name, [Heading, Title, Body], 20);

    /// <summary>A fuller page: orientation detection needs more than three lines to be confident.</summary>
    public static string WriteArticlesOdt(TempFolder folder) =>
        WriteFlatOdt(folder, "articles.fodt",
            [Heading, Title, .. Enumerable.Range(1, 8).Select(i => $"Điều {i}. {Body} của cơ quan nhà nước.")], 14);

    private static string WriteFlatOdt(TempFolder folder, string name, IEnumerable<string> lines, int points)
    {
        var paragraphs = string.Concat(lines.Select(p => $"<text:p>{SecurityElement.Escape(p)}</text:p>"));
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
              xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
              xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
              xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
              xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
              office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">
            <office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/></office:font-face-decls>
            <office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-size="{points}pt"/></style:default-style></office:styles>
            <office:body><office:text>{paragraphs}</office:text></office:body>
            </office:document>
            """;
        var path = folder.File(name);
        File.WriteAllText(path, xml);
        return path;
    }

    /// <summary>Converts with LibreOffice (own profile) to <paramref name="format"/>, e.g. "pdf" or "docx".</summary>
    public static async Task<string> ConvertAsync(TempFolder folder, string source, string format)
    {
        var output = Path.Combine(folder.Path, "made");
        Directory.CreateDirectory(output);
        await ExternalTool.SucceedAsync("soffice", "libreoffice-writer-nogui", "--headless", "--norestore",
            $"-env:UserInstallation=file://{folder.Path}/lo-profile", "--convert-to", format, "--outdir", output, source);
        var made = Path.Combine(output, Path.GetFileNameWithoutExtension(source) + "." + format);
        Assert.That(File.Exists(made), Is.True, $"LibreOffice did not make {made}");
        return made;
    }

    /// <summary>An XLSX register made by LibreOffice Calc from a UTF-8 CSV.</summary>
    public static async Task<string> SpreadsheetAsync(TempFolder folder)
    {
        var csv = folder.File("register.csv");
        await File.WriteAllTextAsync(csv, "Số,Trích yếu\n05/QĐ-UBND,Quyết định về việc ban hành quy chế\n");
        var output = Path.Combine(folder.Path, "made");
        Directory.CreateDirectory(output);
        // 44,34,76: comma-separated, double-quoted, UTF-8.
        await ExternalTool.SucceedAsync("soffice", "libreoffice-calc-nogui", "--headless", "--norestore",
            $"-env:UserInstallation=file://{folder.Path}/lo-profile", "--infilter=CSV:44,34,76", "--convert-to", "xlsx", "--outdir", output, csv);
        var xlsx = Path.Combine(output, "register.xlsx");
        Assert.That(File.Exists(xlsx), Is.True, "LibreOffice Calc made the XLSX (is libreoffice-calc-nogui installed?)");
        return xlsx;
    }

    public static async Task<string> PdfAsync(TempFolder folder) => await ConvertAsync(folder, WriteFlatOdt(folder), "pdf");

    /// <summary>
    /// A JPEG scan that does not say its resolution, as cheap scanners write them: the JFIF header's
    /// density units set to 0 (aspect ratio only).
    /// </summary>
    public static async Task<string> JpegWithoutResolutionAsync(TempFolder folder)
    {
        var pdf = await PdfAsync(folder);
        var prefix = folder.File("scan-nodpi");
        await ExternalTool.SucceedAsync("pdftoppm", "poppler-utils", "-r", "300", "-jpeg", "-singlefile", pdf, prefix);
        var bytes = await File.ReadAllBytesAsync(prefix + ".jpg");
        Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 6, 4), Is.EqualTo("JFIF"), "pdftoppm writes a JFIF header");
        bytes[13] = 0;
        bytes[14] = 0; bytes[15] = 1; bytes[16] = 0; bytes[17] = 1;
        await File.WriteAllBytesAsync(prefix + ".jpg", bytes);
        return prefix + ".jpg";
    }

    /// <summary>Signs <paramref name="pdf"/> with pdfsig and a throw-away self-signed key in a fresh NSS database.</summary>
    public static async Task<string> SignAsync(TempFolder folder, string pdf)
    {
        var nss = Directory.CreateDirectory(folder.File("nss")).FullName;
        await ExternalTool.SucceedAsync("certutil", "libnss3-tools", "-N", "-d", $"sql:{nss}", "--empty-password");
        await ExternalTool.SucceedAsync("openssl", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30",
            "-keyout", folder.File("key.pem"), "-out", folder.File("cert.pem"), "-subj", "/CN=Van thu/O=UBND tinh Ha Tinh",
            "-addext", "keyUsage=digitalSignature,nonRepudiation");
        await ExternalTool.SucceedAsync("openssl", "openssl", "pkcs12", "-export", "-inkey", folder.File("key.pem"), "-in", folder.File("cert.pem"),
            "-name", "signer", "-out", folder.File("signer.p12"), "-passout", "pass:");
        await ExternalTool.SucceedAsync("pk12util", "libnss3-tools", "-i", folder.File("signer.p12"), "-d", $"sql:{nss}", "-W", "");
        var signed = folder.File("signed.pdf");
        await ExternalTool.SucceedAsync("pdfsig", "poppler-utils", "-nssdir", $"sql:{nss}", "-add-signature", "-nick", "signer", pdf, signed);
        Assert.That(await ExternalTool.SucceedAsync("pdfsig", "poppler-utils", "-nocert", signed), Does.Contain("Signature #1"));
        return signed;
    }

    /// <summary>A 300 dpi PNG scan of a full page, fed to the scanner sideways (turned 90°).</summary>
    public static async Task<string> SidewaysScanAsync(TempFolder folder)
    {
        var pdf = await ConvertAsync(folder, WriteArticlesOdt(folder), "pdf");
        var turned = folder.File("turned.pdf");
        await ExternalTool.SucceedAsync("qpdf", "qpdf", "--rotate=+90", pdf, turned);
        var prefix = folder.File("sideways");
        await ExternalTool.SucceedAsync("pdftoppm", "poppler-utils", "-r", "300", "-png", "-singlefile", turned, prefix);
        return prefix + ".png";
    }

    /// <summary>A 300 dpi "scan" of the letter: PNG, or TIFF (pdftoppm's -tiff) when <paramref name="format"/> says "tiff".</summary>
    public static async Task<string> ScanAsync(TempFolder folder, string format = "png")
    {
        var pdf = await PdfAsync(folder);
        var prefix = folder.File("scan");
        await ExternalTool.SucceedAsync("pdftoppm", "poppler-utils", "-r", "300", "-" + format, "-singlefile", pdf, prefix);
        return prefix + (format == "tiff" ? ".tif" : "." + format);
    }
}
