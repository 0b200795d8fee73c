using System.Xml;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Checks a file claimed to be PDF/A-2b with a tool other than the one that wrote it (qpdf): the
/// structure reads without repair; the XMP parses and says part 2, conformance B; every tt02
/// property is declared by the extension schema; an OutputIntent with an ICC profile is present;
/// every font program is embedded. Not a full PDF/A validator: it checks what our converters get wrong.
/// </summary>
public sealed class PdfAVerifier
{
    private readonly Qpdf _qpdf;

    public PdfAVerifier(ToolRunner runner, ConversionOptions options) => _qpdf = new Qpdf(runner, options);

    public async Task<PdfAVerification> VerifyAsync(string pdf, CancellationToken cancellationToken)
    {
        PdfStructure structure;
        try
        {
            structure = await _qpdf.InspectAsync(pdf, cancellationToken).ConfigureAwait(false);
        }
        catch (ConversionException e)
        {
            return new PdfAVerification([$"qpdf không đọc được cấu trúc tệp: {e.Message}"]);
        }
        if (structure.MetadataObject is not { } metadata) return Verify(structure, null);
        var packet = await _qpdf.StreamDataAsync(pdf, metadata, cancellationToken).ConfigureAwait(false);
        try
        {
            return Verify(structure, XmpPacket.Parse(packet));
        }
        catch (XmlException e)
        {
            return new PdfAVerification([$"Siêu dữ liệu XMP không đọc được: {e.Message}"]);
        }
    }

    /// <summary>Checks a structure qpdf has read and the XMP packet the file holds (null when it has none).</summary>
    public static PdfAVerification Verify(PdfStructure structure, XmpPacket? xmp)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var problems = new List<string>();
        if (structure.Repaired) problems.Add("qpdf phải sửa cấu trúc tệp mới đọc được (tệp có lỗi cấu trúc).");
        if (structure.Encrypted) problems.Add("Tệp được mã hóa; PDF/A không cho phép mã hóa.");

        if (xmp is null) problems.Add("Thiếu siêu dữ liệu XMP (/Metadata) trong danh mục của tệp.");
        else CheckXmp(xmp, problems);

        if (structure.OutputIntent is null)
            problems.Add("Thiếu OutputIntent (hồ sơ màu ICC) trong danh mục của tệp.");
        else if (structure.OutputIntent == false)
            problems.Add("OutputIntent không có hồ sơ màu ICC (/DestOutputProfile).");

        var notEmbedded = structure.Fonts.Where(f => !f.Embedded).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
        if (notEmbedded.Count > 0)
            problems.Add($"Phông chữ chưa được nhúng: {string.Join(", ", notEmbedded)}.");
        return new PdfAVerification(problems);
    }

    private static void CheckXmp(XmpPacket xmp, List<string> problems)
    {
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
}
