using System.Diagnostics;
using Archive.Ingest.Conversion.Scans;
using Serilog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Makes the PDF/A-2b preservation copy of an original (DESIGN §5): PDFs through Ghostscript,
/// office documents through LibreOffice then Ghostscript, scans and image-only PDFs through
/// OCRmyPDF; the TT 02 metadata in XMP under the tt02 extension schema. Every copy's structure is
/// read by qpdf and checked with the packet written into it before it is returned; a failure throws <see cref="ConversionException"/>
/// for this document only. Disposing stops the Ghostscript workers.
/// </summary>
public sealed class PreservationCopyConverter : IDisposable
{
    private readonly ConversionOptions _options;
    private readonly ILogger _log;
    private readonly string _root;
    private readonly bool _ownsRoot;
    private readonly Qpdf _qpdf;
    private readonly GhostscriptPdfA _ghostscript;
    private readonly LibreOfficeExport _libreOffice;
    private readonly OcrMyPdf _ocr;
    private readonly ScanRecovery _recovery;
    private readonly PdfTextExtractor _text;
    private readonly Tt02XmpWriter _xmp;

    public PreservationCopyConverter(ConversionOptions options, ILogger log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _log = log.ForContext<PreservationCopyConverter>();
        // Work folders live below one root: the only place Ghostscript workers may read and write.
        _ownsRoot = options.WorkRoot is null;
        _root = Path.GetFullPath(options.WorkRoot ?? Path.Combine(Path.GetTempPath(), $"archive-conversion-{Guid.NewGuid():N}"));
        Directory.CreateDirectory(_root);
        var runner = new ToolRunner(log);
        _qpdf = new Qpdf(runner, options);
        _ghostscript = new GhostscriptPdfA(runner, options, _root, log);
        _libreOffice = new LibreOfficeExport(runner, options);
        _ocr = new OcrMyPdf(runner, options);
        _text = new PdfTextExtractor(runner, options);
        _recovery = new ScanRecovery(runner, options, _ocr, _text, log);
        _xmp = new Tt02XmpWriter();
    }

    public async Task<PreservationCopy> ConvertAsync(ConversionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var work = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            return await ConvertInAsync(request, work, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
        {
            // A full disk or a file another process holds fails this document, never the batch.
            throw new ConversionException(ConversionFailure.WorkFolder, "archive",
                $"Không ghi hoặc đọc được thư mục làm việc của việc chuyển đổi ({e.Message}).", inner: e);
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

    public void Dispose()
    {
        _ghostscript.Dispose();
        if (!_ownsRoot) return;
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException e)
        {
            _log.Warning(e, "Could not delete the conversion root {Root}", _root);
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
        (PdfStructure Structure, XmpPacket Xmp) made;
        // The text for the index: Ghostscript keeps a PDF's text as it is, and poppler reads the source several
        // times faster than the PDF/A (whose ICC output intent it sets up first); OCR text exists only in its output.
        string textSource;
        string? knownText = null;
        switch (request.Kind)
        {
            case SourceKind.Pdf:
                var structure = request.Structure ?? await _qpdf.InspectAsync(original, cancellationToken).ConfigureAwait(false);
                if (structure.Encrypted)
                    throw new ConversionException(ConversionFailure.EncryptedSource, "pdf",
                        "Tệp PDF gốc được mã hóa bằng mật khẩu; không thể tạo bản PDF/A. Đề nghị bên gửi cung cấp bản không mã hóa.");
                if (structure.Repaired)
                    notes.Add("Tệp PDF gốc có lỗi cấu trúc nhỏ đã được sửa khi chuyển đổi (qpdf báo cảnh báo).");
                originalPages = structure.Pages;
                if (structure.Signed)
                    notes.Add("Tệp PDF gốc có chữ ký số; bản PDF/A bảo quản không mang chữ ký (bản gốc có chữ ký được lưu kèm).");
                if (structure.Fonts.Count == 0)
                {
                    // No font at all: nothing on its pages is text, so it is a scan.
                    route = ConversionRoute.Ocr;
                    notes.Add("PDF gốc không có lớp văn bản (bản quét); đã nhận dạng ký tự (OCR) tiếng Việt.");
                    made = await OcrAsync(original, output, isImage: false, structure.Signed, metadata, work, steps, notes,
                        cancellationToken).ConfigureAwait(false);
                    textSource = output;
                }
                else
                {
                    route = ConversionRoute.Ghostscript;
                    // The original's text does not wait for Ghostscript: poppler reads it meanwhile.
                    var reading = Timed(steps, PdfTextExtractor.Tool, "Trích xuất văn bản để lập chỉ mục",
                        () => _text.ExtractAsync(original, work, cancellationToken));
                    try
                    {
                        made = await Timed(steps, GhostscriptPdfA.Tool, "Chuyển PDF sang PDF/A-2b và ghi siêu dữ liệu TT 02",
                            () => _ghostscript.ConvertAsync(original, output, metadata, work, cancellationToken)).ConfigureAwait(false);
                    }
                    catch (Exception) when (!reading.IsCompleted)
                    {
                        // Never leave poppler running in a work folder about to be deleted; the conversion's failure is the one to report.
                        await Task.WhenAny(reading).ConfigureAwait(false);
                        throw;
                    }
                    knownText = await reading.ConfigureAwait(false);
                    textSource = original;
                }
                break;
            case SourceKind.Office:
                route = ConversionRoute.LibreOfficeThenGhostscript;
                var pdf = await Timed(steps, LibreOfficeExport.Tool, "Chuyển tài liệu văn phòng sang PDF",
                    () => _libreOffice.ToPdfAsync(original, work, cancellationToken)).ConfigureAwait(false);
                made = await Timed(steps, GhostscriptPdfA.Tool, "Chuyển PDF sang PDF/A-2b và ghi siêu dữ liệu TT 02",
                    () => _ghostscript.ConvertAsync(pdf, output, metadata, work, cancellationToken)).ConfigureAwait(false);
                textSource = pdf;
                break;
            case SourceKind.Image:
                route = ConversionRoute.Ocr;
                made = await OcrAsync(original, output, isImage: true, signed: false, metadata, work, steps, notes, cancellationToken)
                    .ConfigureAwait(false);
                textSource = output;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request), request.Kind, "Unknown source kind.");
        }

        // Ghostscript "repairs" what it cannot read by leaving pages out, and still reports success.
        if (originalPages is { } expected && made.Structure.Pages != expected)
            throw new ConversionException(ConversionFailure.InvalidOutput, route.ToString(),
                $"Bản PDF/A có {made.Structure.Pages} trang, bản gốc có {expected} trang; không dùng bản PDF/A này.");

        var verification = PdfAVerifier.Verify(made.Structure, made.Xmp);
        if (!verification.IsValid)
        {
            _log.Warning("Preservation copy of {DocCode} failed verification: {Problems}", request.Document.DocCode, verification.Problems);
            throw new ConversionException(ConversionFailure.InvalidOutput, route.ToString(),
                $"Bản PDF/A tạo ra không hợp lệ: {verification}");
        }
        var text = knownText ?? await Timed(steps, PdfTextExtractor.Tool, "Trích xuất văn bản để lập chỉ mục",
                () => _text.ExtractAsync(textSource, work, cancellationToken)).ConfigureAwait(false);

        File.Move(output, request.OutputPath, overwrite: true);
        _log.Information("Made the PDF/A-2b preservation copy of {DocCode} by {Route} in {Steps} steps",
            request.Document.DocCode, route, steps.Count);
        return new PreservationCopy(request.OutputPath, text, new ConversionReport(route, steps, notes, verification));
    }

    private async Task<(PdfStructure Structure, XmpPacket Xmp)> OcrAsync(string input, string output, bool isImage, bool signed,
        Tt02Xmp metadata, string work, List<ConversionStep> steps, List<string> notes, CancellationToken cancellationToken)
    {
        var assumedDpi = await Timed(steps, OcrMyPdf.Tool, "Nhận dạng ký tự tiếng Việt và tạo PDF/A-2b",
            () => _ocr.OcrAsync(input, output, isImage, signed, work, cancellationToken)).ConfigureAwait(false);
        if (assumedDpi)
            notes.Add($"Ảnh quét không ghi độ phân giải; đã dùng {OcrMyPdf.AssumedDpi} dpi.");
        notes.AddRange(await Timed(steps, ScanRecovery.Tool, "Nhận dạng lại các trang đọc kém (làm sạch, xoay thẳng)",
            () => _recovery.RecoverAsync(output, isImage ? output : input, isImage ? input : null, work, cancellationToken))
            .ConfigureAwait(false));
        // Not through Ghostscript: rewriting loses the OCR layer's Unicode mapping (the text comes out garbled).
        return await Timed(steps, "qpdf", "Ghi siêu dữ liệu TT 02 vào XMP",
            () => _xmp.WriteAsync(output, metadata, OcrMyPdf.Tool, cancellationToken)).ConfigureAwait(false);
    }

    private static async Task<T> Timed<T>(List<ConversionStep> steps, string tool, string description, Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await action().ConfigureAwait(false);
        lock (steps) steps.Add(new ConversionStep(tool, description, stopwatch.Elapsed));
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
