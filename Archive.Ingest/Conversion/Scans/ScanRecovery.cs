using System.Globalization;
using System.Text.RegularExpressions;
using Serilog;

namespace Archive.Ingest.Conversion.Scans;

/// <summary>
/// A second reading of the pages OCR read poorly (#16): OCRmyPDF's deskew is misled by specks, and Tesseract reads a page
/// turned a few degrees in fragments or not at all. Each such page is rendered again, cleaned of specks by unpaper, turned
/// straight by a projection-profile estimate and read again; the better reading of each page is kept.
/// </summary>
public sealed partial class ScanRecovery
{
    public const string Tool = "unpaper";

    /// <summary>Resolution of the rendered pages: what TT 02 asks of scans and what Tesseract reads best.</summary>
    private const int Dpi = 300;

    /// <summary>Lighter than this is paper: what is left of a cleaned speck's halo, JPEG noise.</summary>
    private const byte FaintestInk = 200;

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;
    private readonly OcrMyPdf _ocr;
    private readonly PdfTextExtractor _text;
    private readonly ILogger _log;

    public ScanRecovery(ToolRunner runner, ConversionOptions options, OcrMyPdf ocr, PdfTextExtractor text, ILogger log)
    {
        _runner = runner;
        _options = options;
        _ocr = ocr;
        _text = text;
        _log = log.ForContext<ScanRecovery>();
    }

    /// <summary>
    /// Reads the poor pages of <paramref name="pdf"/> (OCRmyPDF's output) again and puts the better readings in its place.
    /// Returns a note per page read again, in Vietnamese, for the conversion report.
    /// </summary>
    /// <param name="source">The PDF whose pages are rendered again: the scanned PDF itself (OCRmyPDF's output has had its images
    /// recompressed and turned), or OCRmyPDF's output for an image.</param>
    /// <param name="image">The scanned image of a one-page document, read again as it is; null for a PDF.</param>
    public async Task<IReadOnlyList<string>> RecoverAsync(string pdf, string source, string? image, string work,
        CancellationToken cancellationToken)
    {
        // One run of pdftotext for every page: it ends each page with a form feed, so the last piece follows the last page.
        var texts = (await _text.ExtractAsync(pdf, work, cancellationToken).ConfigureAwait(false)).Split('\f');
        var pages = texts.Length - 1;
        var notes = new List<string>();
        var replaced = new Dictionary<int, string>();
        for (var page = 1; page <= pages; page++)
        {
            var first = RecognitionQuality.Of(texts[page - 1]);
            if (!first.IsPoor) continue;
            (string Pdf, double Angle, RecognitionQuality Quality) second;
            try
            {
                second = await ReadAgainAsync(pdf, source, pages == 1 ? image : null, page, work, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (Exception e) when (e is ConversionException or IOException or InvalidDataException
                && !cancellationToken.IsCancellationRequested)
            {
                // The first reading stands: it is a valid copy, only a poorer one.
                _log.Warning(e, "Page {Page} could not be read again; the first reading is kept", page);
                notes.Add(string.Format(Vietnamese, "Trang {0}: nhận dạng kém ({1:P0} từ đọc được); không nhận dạng lại được ({2}), giữ "
                    + "lần đầu.", page, first.Share, e.Message));
                continue;
            }
            var (again, angle, quality) = second;
            var kept = quality.IsBetterThan(first);
            _log.Information("Page {Page} read again: {FirstShare:F3} of {FirstWords} words sound before, {Share:F3} of {Words} after "
                + "turning it {Angle:F2}°; kept {Kept}", page, first.Share, first.Words, quality.Share, quality.Words, angle,
                kept ? "second" : "first");
            if (kept) replaced[page] = again;
            notes.Add(kept
                ? string.Format(Vietnamese, "Trang {0}: nhận dạng lần đầu kém ({1:P0} từ đọc được); đã làm sạch đốm bẩn, xoay thẳng "
                    + "{2:0.0}° và nhận dạng lại ({3:P0} từ đọc được).", page, first.Share, -angle, quality.Share)
                : string.Format(Vietnamese, "Trang {0}: nhận dạng kém ({1:P0} từ đọc được); làm sạch và xoay thẳng không cho kết quả "
                    + "tốt hơn, giữ lần đầu.", page, first.Share));
        }
        if (replaced.Count > 0) await ReplacePagesAsync(pdf, pages, replaced, work, cancellationToken).ConfigureAwait(false);
        return notes;
    }

    private async Task<(string Pdf, double Angle, RecognitionQuality Quality)> ReadAgainAsync(string pdf, string source, string? image,
        int page, string work, CancellationToken cancellationToken)
    {
        var number = page.ToString(CultureInfo.InvariantCulture);
        var rendered = Path.Combine(work, $"page-{number}");
        var cleaned = Path.Combine(work, $"page-{number}-clean.pgm");
        var straight = Path.Combine(work, $"page-{number}-straight.pgm");
        var again = Path.Combine(work, $"page-{number}-again.pdf");
        try
        {
            // The image as scanned when unpaper reads it, else the page rendered from the PDF.
            var asScanned = image is not null && (await CleanAsync(image, cleaned, cancellationToken).ConfigureAwait(false)).Succeeded;
            if (!asScanned)
            {
                (await RunAsync(_options.PdfToPpm, "pdftoppm", ["-gray", "-r", $"{Dpi}", "-f", number, "-l", number, "-singlefile",
                    Path.GetFullPath(source), rendered], cancellationToken).ConfigureAwait(false)).EnsureSucceeded();
                (await CleanAsync(rendered + ".pgm", cleaned, cancellationToken).ConfigureAwait(false)).EnsureSucceeded();
            }
            var clean = (await GrayImage.ReadPgmAsync(cleaned, cancellationToken).ConfigureAwait(false)).Whitened(FaintestInk);
            // The image as scanned keeps its own resolution: the page OCRmyPDF made of it says what it is.
            var dpi = asScanned ? await ResolutionAsync(pdf, clean.Width, cancellationToken).ConfigureAwait(false) : Dpi;
            var angle = SkewAngle.Estimate(clean);
            await clean.Turned(-angle).WritePgmAsync(straight, cancellationToken).ConfigureAwait(false);
            await _ocr.OcrPageImageAsync(straight, dpi, again, work, cancellationToken).ConfigureAwait(false);
            var quality = RecognitionQuality.Of(await _text.ExtractAsync(again, work, cancellationToken).ConfigureAwait(false));
            return (again, angle, quality);
        }
        finally
        {
            File.Delete(rendered + ".pgm");
            File.Delete(cleaned);
            File.Delete(straight);
        }
    }

    /// <summary>
    /// Specks removed by unpaper, nothing else: its deskew and masks guess from the page edges, which specks mislead too. A speck
    /// is a small cluster of pixels darker than half white: the grey halo a JPEG gives it must not make it a large one.
    /// </summary>
    private Task<ToolResult> CleanAsync(string image, string cleaned, CancellationToken cancellationToken) =>
        RunAsync(_options.Unpaper, Tool, ["--quiet", "--overwrite", "--layout", "none", "--no-deskew", "--no-mask-scan",
            "--no-mask-center", "--no-border-align", "--no-grayfilter", "--no-blackfilter", "--white-threshold", "0.5",
            "--noisefilter-intensity", "12", Path.GetFullPath(image), cleaned], cancellationToken);

    /// <summary>Dots per inch of an image <paramref name="width"/> pixels wide on the (one) page of <paramref name="pdf"/>.</summary>
    private async Task<int> ResolutionAsync(string pdf, int width, CancellationToken cancellationToken)
    {
        var info = (await RunAsync(_options.PdfInfo, "pdfinfo", [Path.GetFullPath(pdf)], cancellationToken).ConfigureAwait(false))
            .EnsureSucceeded().StandardOutput;
        var size = PageSize().Match(info);
        if (!size.Success || !double.TryParse(size.Groups[1].Value, CultureInfo.InvariantCulture, out var points) || points <= 0)
            throw new InvalidDataException("pdfinfo gave no page size.");
        return (int)Math.Round(width * 72 / points);
    }

    [GeneratedRegex(@"Page size:\s+([0-9.]+) x")]
    private static partial Regex PageSize();

    /// <summary>The document with the pages read again in place of the first readings, by qpdf (document-level PDF/A kept).</summary>
    private async Task ReplacePagesAsync(string pdf, int pages, IReadOnlyDictionary<int, string> replaced, string work,
        CancellationToken cancellationToken)
    {
        var full = Path.GetFullPath(pdf);
        var selection = Enumerable.Range(1, pages).SelectMany(page => replaced.TryGetValue(page, out var again)
            ? new[] { Path.GetFullPath(again), "1" }
            : [full, page.ToString(CultureInfo.InvariantCulture)]);
        var merged = Path.Combine(work, "pages-merged.pdf");
        var result = await RunAsync(_options.Qpdf, "qpdf", [full, "--pages", .. selection, "--", merged], cancellationToken)
            .ConfigureAwait(false);
        // qpdf exits 3 for warnings it recovered from; the copy is checked whole afterwards.
        if (result.ExitCode is not (0 or 3)) result.EnsureSucceeded();
        File.Move(merged, pdf, overwrite: true);
    }

    private Task<ToolResult> RunAsync(string program, string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        _runner.RunAsync(new ToolInvocation(tool, program, arguments, _options.ConverterTimeout, _options.MemoryLimitBytes),
            cancellationToken);
}
