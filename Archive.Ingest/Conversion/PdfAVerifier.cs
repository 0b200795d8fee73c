using System.Xml;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Checks a file claimed to be PDF/A-2b with tools other than the one that wrote it: qpdf finds
/// no structural error; the XMP parses and says part 2, conformance B; every tt02 property is
/// declared by the extension schema; an OutputIntent with an ICC profile is present; pdffonts
/// shows every font embedded. Not a full PDF/A validator: it checks what our converters get wrong.
/// </summary>
public sealed class PdfAVerifier
{
    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;
    private readonly Qpdf _qpdf;

    public PdfAVerifier(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
        _qpdf = new Qpdf(runner, options);
    }

    public async Task<PdfAVerification> VerifyAsync(string pdf, CancellationToken cancellationToken)
    {
        var problems = new List<string>();

        var check = await _qpdf.CheckAsync(pdf, cancellationToken).ConfigureAwait(false);
        if (check.ExitCode != 0)
        {
            problems.Add($"qpdf --check báo lỗi (mã thoát {check.ExitCode}): {FirstLine(check.StandardError + check.StandardOutput)}.");
            return new PdfAVerification(problems);
        }

        var catalog = await _qpdf.ReadCatalogAsync(pdf, cancellationToken).ConfigureAwait(false);
        CheckXmp(catalog, problems);
        if (catalog.OutputIntent is null)
            problems.Add("Thiếu OutputIntent (hồ sơ màu ICC) trong danh mục của tệp.");
        else if (!catalog.OutputIntent.Contains("/DestOutputProfile", StringComparison.Ordinal))
            problems.Add("OutputIntent không có hồ sơ màu ICC (/DestOutputProfile).");

        await CheckFontsAsync(pdf, problems, cancellationToken).ConfigureAwait(false);
        return new PdfAVerification(problems);
    }

    private static void CheckXmp(PdfCatalog catalog, List<string> problems)
    {
        if (catalog.Xmp is null)
        {
            problems.Add("Thiếu siêu dữ liệu XMP (/Metadata) trong danh mục của tệp.");
            return;
        }
        XmpPacket xmp;
        try
        {
            xmp = XmpPacket.Parse(catalog.Xmp);
        }
        catch (XmlException e)
        {
            problems.Add($"Siêu dữ liệu XMP không đọc được: {e.Message}");
            return;
        }
        var part = xmp.Values(XmpNames.PdfAId + "part");
        var conformance = xmp.Values(XmpNames.PdfAId + "conformance");
        if (part.Count != 1 || part[0].Trim() != "2")
            problems.Add($"XMP không khai báo pdfaid:part = 2 (có: {string.Join(", ", part)}).");
        if (conformance.Count != 1 || conformance[0].Trim() != "B")
            problems.Add($"XMP không khai báo pdfaid:conformance = B (có: {string.Join(", ", conformance)}).");
        var undeclared = xmp.PropertiesIn(XmpNames.Tt02).Except(xmp.DeclaredProperties(XmpNames.Tt02)).Order(StringComparer.Ordinal).ToList();
        if (undeclared.Count > 0)
            problems.Add($"Thuộc tính XMP chưa được khai báo trong lược đồ mở rộng: {string.Join(", ", undeclared.Select(p => XmpNames.Tt02Prefix + ":" + p))}.");
    }

    private async Task CheckFontsAsync(string pdf, List<string> problems, CancellationToken cancellationToken)
    {
        var fonts = (await _runner.RunAsync(
            new ToolInvocation("pdffonts", _options.PdfFonts, [pdf], _options.InspectionTimeout, _options.MemoryLimitBytes),
            cancellationToken).ConfigureAwait(false)).EnsureSucceeded();
        var notEmbedded = PdfFontList.Parse(fonts.StandardOutput).Where(f => !f.Embedded).Select(f => f.Name).ToList();
        if (notEmbedded.Count > 0)
            problems.Add($"Phông chữ chưa được nhúng: {string.Join(", ", notEmbedded)}.");
    }

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}
