using System.Diagnostics;
using Serilog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Makes the PDF/A-2b preservation copy of an original (DESIGN §5): PDFs through Ghostscript,
/// office documents through LibreOffice then Ghostscript, scans and image-only PDFs through
/// OCRmyPDF; the TT 02 metadata in XMP under the tt02 extension schema. Every copy is verified
/// by independent tools before it is returned; a failure throws <see cref="ConversionException"/>
/// for this document only.
/// </summary>
public sealed class PreservationCopyConverter
{
    private readonly ConversionOptions _options;
    private readonly ILogger _log;
    private readonly Qpdf _qpdf;
    private readonly GhostscriptPdfA _ghostscript;
    private readonly LibreOfficeExport _libreOffice;
    private readonly OcrMyPdf _ocr;
    private readonly PdfTextExtractor _text;
    private readonly PdfAVerifier _verifier;
    private readonly SignedPdfDetector _signatures;

    public PreservationCopyConverter(ConversionOptions options, ILogger log)
    {
        _options = options;
        _log = log.ForContext<PreservationCopyConverter>();
        var runner = new ToolRunner(log);
        _qpdf = new Qpdf(runner, options);
        _ghostscript = new GhostscriptPdfA(runner, options, log);
        _libreOffice = new LibreOfficeExport(runner, options);
        _ocr = new OcrMyPdf(runner, options);
        _text = new PdfTextExtractor(runner, options);
        _verifier = new PdfAVerifier(runner, options);
        _signatures = new SignedPdfDetector(runner, options);
    }

    public async Task<PreservationCopy> ConvertAsync(ConversionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var work = Path.Combine(_options.WorkRoot ?? Path.GetTempPath(), $"archive-conversion-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            return await ConvertInAsync(request, work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException e)
            {
                _log.Warning(e, "Could not delete the conversion work folder {Work}", work);
            }
        }
    }

    private async Task<PreservationCopy> ConvertInAsync(ConversionRequest request, string work, CancellationToken cancellationToken)
    {
        var steps = new List<ConversionStep>();
        var notes = new List<string>();
        var metadata = Tt02Xmp.For(request.Document);
        // A private copy with a plain name: converters never see the sender's file name.
        var original = Path.Combine(work, "original" + SafeExtension(request.OriginalPath));
        File.Copy(request.OriginalPath, original);
        var output = Path.Combine(work, "preservation.pdf");

        ConversionRoute route;
        int? originalPages = null;
        switch (request.Kind)
        {
            case SourceKind.Pdf:
                await EnsureReadablePdfAsync(original, notes, cancellationToken).ConfigureAwait(false);
                originalPages = await _qpdf.PageCountAsync(original, cancellationToken).ConfigureAwait(false);
                var signed = await _signatures.IsSignedAsync(original, cancellationToken).ConfigureAwait(false);
                if (signed)
                    notes.Add("Tệp PDF gốc có chữ ký số; bản PDF/A bảo quản không mang chữ ký (bản gốc có chữ ký được lưu kèm).");
                var existingText = await Timed(steps, PdfTextExtractor.Tool, "Kiểm tra lớp văn bản của PDF gốc",
                    () => _text.ExtractAsync(original, work, cancellationToken)).ConfigureAwait(false);
                if (string.IsNullOrWhiteSpace(existingText))
                {
                    route = ConversionRoute.Ocr;
                    notes.Add("PDF gốc không có lớp văn bản (bản quét); đã nhận dạng ký tự (OCR) tiếng Việt.");
                    await OcrAsync(original, output, isImage: false, signed, metadata, work, steps, notes, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    route = ConversionRoute.Ghostscript;
                    await Timed(steps, GhostscriptPdfA.Tool, "Chuyển PDF sang PDF/A-2b và ghi siêu dữ liệu TT 02",
                        () => _ghostscript.ConvertAsync(original, output, metadata, work, cancellationToken)).ConfigureAwait(false);
                }
                break;
            case SourceKind.Office:
                route = ConversionRoute.LibreOfficeThenGhostscript;
                var pdf = await Timed(steps, LibreOfficeExport.Tool, "Chuyển tài liệu văn phòng sang PDF",
                    () => _libreOffice.ToPdfAsync(original, work, cancellationToken)).ConfigureAwait(false);
                await Timed(steps, GhostscriptPdfA.Tool, "Chuyển PDF sang PDF/A-2b và ghi siêu dữ liệu TT 02",
                    () => _ghostscript.ConvertAsync(pdf, output, metadata, work, cancellationToken)).ConfigureAwait(false);
                break;
            case SourceKind.Image:
                route = ConversionRoute.Ocr;
                await OcrAsync(original, output, isImage: true, signed: false, metadata, work, steps, notes, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown source kind.");
        }

        // Ghostscript "repairs" what it cannot read by leaving pages out, and still exits 0.
        if (originalPages is { } expected && await _qpdf.PageCountAsync(output, cancellationToken).ConfigureAwait(false) is var made && made != expected)
            throw new ConversionException(ConversionFailure.InvalidOutput, route.ToString(),
                $"Bản PDF/A có {made} trang, bản gốc có {expected} trang; không dùng bản PDF/A này.");

        var verification = await Timed(steps, "qpdf, pdffonts", "Kiểm tra tệp PDF/A-2b",
            () => _verifier.VerifyAsync(output, cancellationToken)).ConfigureAwait(false);
        if (!verification.IsValid)
        {
            _log.Warning("Preservation copy of {DocCode} failed verification: {Problems}", request.Document.DocCode, verification.Problems);
            throw new ConversionException(ConversionFailure.InvalidOutput, route.ToString(),
                $"Bản PDF/A tạo ra không hợp lệ: {verification}");
        }
        var text = await Timed(steps, PdfTextExtractor.Tool, "Trích xuất văn bản để lập chỉ mục",
            () => _text.ExtractAsync(output, work, cancellationToken)).ConfigureAwait(false);

        File.Move(output, request.OutputPath, overwrite: true);
        _log.Information("Made the PDF/A-2b preservation copy of {DocCode} by {Route} in {Steps} steps",
            request.Document.DocCode, route, steps.Count);
        return new PreservationCopy(request.OutputPath, text, new ConversionReport(route, steps, notes, verification));
    }

    private async Task OcrAsync(string input, string output, bool isImage, bool signed, Tt02Xmp metadata, string work,
        List<ConversionStep> steps, List<string> notes, CancellationToken cancellationToken)
    {
        var assumedDpi = await Timed(steps, OcrMyPdf.Tool, "Nhận dạng ký tự tiếng Việt và tạo PDF/A-2b",
            () => _ocr.OcrAsync(input, output, isImage, signed, work, cancellationToken)).ConfigureAwait(false);
        if (assumedDpi)
            notes.Add($"Ảnh quét không ghi độ phân giải; đã dùng {OcrMyPdf.AssumedDpi} dpi.");
        // Not through Ghostscript: rewriting loses the OCR layer's Unicode mapping (the text comes out garbled).
        await Timed(steps, "qpdf", "Ghi siêu dữ liệu TT 02 vào XMP", async () =>
        {
            var catalog = await _qpdf.ReadCatalogAsync(output, cancellationToken).ConfigureAwait(false);
            if (catalog.MetadataObject is not { } number || catalog.Xmp is null)
                throw new ConversionException(ConversionFailure.InvalidOutput, OcrMyPdf.Tool, "OCRmyPDF không ghi siêu dữ liệu XMP vào tệp PDF/A.");
            await _qpdf.ReplaceXmpAsync(output, number, XmpPacket.Parse(catalog.Xmp).With(metadata), metadata.PdfCreationDate, cancellationToken).ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);
    }

    /// <summary>Refuses, with a named reason, a PDF that needs a password or that qpdf cannot read.</summary>
    private async Task EnsureReadablePdfAsync(string pdf, List<string> notes, CancellationToken cancellationToken)
    {
        var check = await _qpdf.CheckAsync(pdf, cancellationToken).ConfigureAwait(false);
        if (check.ExitCode == 0) return;
        var said = (check.StandardError + "\n" + check.StandardOutput).Trim();
        if (said.Contains("password", StringComparison.OrdinalIgnoreCase) && await _qpdf.RequiresPasswordAsync(pdf, cancellationToken).ConfigureAwait(false))
            throw new ConversionException(ConversionFailure.EncryptedSource, "pdf",
                "Tệp PDF gốc được mã hóa bằng mật khẩu; không thể tạo bản PDF/A. Đề nghị bên gửi cung cấp bản không mã hóa.", check.ExitCode);
        if (check.ExitCode == 3)
        {
            notes.Add("Tệp PDF gốc có lỗi cấu trúc nhỏ đã được sửa khi chuyển đổi (qpdf --check báo cảnh báo).");
            return;
        }
        var first = said.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
        throw new ConversionException(ConversionFailure.DamagedSource, "pdf",
            $"Tệp PDF gốc bị hỏng, không đọc được (qpdf --check, mã thoát {check.ExitCode}): {first}", check.ExitCode);
    }

    private static async Task<T> Timed<T>(List<ConversionStep> steps, string tool, string description, Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await action().ConfigureAwait(false);
        steps.Add(new ConversionStep(tool, description, stopwatch.Elapsed));
        return result;
    }

    private static async Task Timed(List<ConversionStep> steps, string tool, string description, Func<Task> action) =>
        await Timed(steps, tool, description, async () =>
        {
            await action().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    /// <summary>The original's extension if it is plain (LibreOffice uses it as a hint); none otherwise.</summary>
    private static string SafeExtension(string path)
    {
        var extension = Path.GetExtension(path);
        return extension.Length is > 1 and <= 6 && extension.Skip(1).All(char.IsAsciiLetterOrDigit) ? extension.ToLowerInvariant() : "";
    }
}
