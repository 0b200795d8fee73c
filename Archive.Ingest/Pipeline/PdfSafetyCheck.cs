using Archive.Ingest.Conversion;
using Archive.Ingest.Formats;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// What an archive must not take in as a record: an encrypted PDF (it cannot be read in 50 years
/// without its password), and a PDF carrying JavaScript, launch actions or embedded files. qpdf
/// reads every object, those in compressed object streams included, and writes names in canonical
/// form, so nothing hides in an object stream or behind <c>#</c> escapes.
/// </summary>
public sealed class PdfSafetyCheck(Qpdf qpdf) : IIngestCheck
{
    public string Name => "an toàn PDF";

    public string Passed(IngestDocument document) => document.PdfStructure is { } structure
        ? $"không mã hóa, không có JavaScript, lệnh chạy chương trình hay tệp nhúng ({structure.Pages} trang)"
        : "không áp dụng (không phải tệp PDF)";

    public async Task CheckAsync(IngestDocument document, CancellationToken cancellationToken)
    {
        if (document.Format?.Format != FileFormat.Pdf) return;
        PdfStructure structure;
        try
        {
            structure = await qpdf.InspectAsync(document.Path, cancellationToken).ConfigureAwait(false);
        }
        catch (ConversionException e) when (e.Failure == ConversionFailure.DamagedSource)
        {
            document.Reasons.Add(e.Message);
            return;
        }
        document.PdfStructure = structure;
        if (structure.Encrypted)
        {
            document.Reasons.Add("Tệp PDF được mã hóa (đặt mật khẩu): không lưu trữ được lâu dài; đề nghị gửi bản không mã hóa.");
            return;
        }
        var found = structure.DangerousNames;
        if (found.Contains("/JavaScript") || found.Contains("/JS"))
            document.Reasons.Add("Tệp PDF chứa mã JavaScript: có thể chạy mã khi mở, không được lưu trữ.");
        if (found.Contains("/Launch"))
            document.Reasons.Add("Tệp PDF chứa lệnh chạy chương trình (/Launch), không được lưu trữ.");
        if (found.Contains("/EmbeddedFile") || found.Contains("/EmbeddedFiles") || found.Contains("/RichMedia"))
            document.Reasons.Add("Tệp PDF có tệp nhúng bên trong (có thể là chương trình chạy được); đề nghị gửi các tệp riêng.");
    }
}
