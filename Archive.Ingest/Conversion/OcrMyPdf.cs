namespace Archive.Ingest.Conversion;

/// <summary>
/// Scans and image-only PDFs → PDF/A-2b with a Vietnamese text layer, by OCRmyPDF and Tesseract
/// (<c>vie</c>). Pages are straightened and turned upright first, as real scans need.
/// </summary>
public sealed class OcrMyPdf
{
    public const string Tool = "ocrmypdf";

    /// <summary>Used when an image does not say its own resolution (TT 02 asks scans for ≥ 200 dpi).</summary>
    public const int AssumedDpi = 300;

    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;
    private Task<bool>? _knowsSignatureFlag;

    public OcrMyPdf(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
    }

    /// <summary>Returns true when the image had no resolution and <see cref="AssumedDpi"/> was used.</summary>
    /// <param name="signed">The input PDF is signed: the copy will not keep the signatures (the signed original is kept beside it).</param>
    public async Task<bool> OcrAsync(string input, string output, bool isImage, bool signed, string work,
        CancellationToken cancellationToken)
    {
        var arguments = new List<string>(Arguments);
        // Newer OCRmyPDF refuses signed PDFs without this flag; 14.0 (Debian 12) has no such check and no flag.
        if (signed && await KnowsSignatureFlagAsync(cancellationToken).ConfigureAwait(false))
            arguments.Add("--invalidate-digital-signatures");

        var result = await RunAsync([.. arguments, Path.GetFullPath(input), Path.GetFullPath(output)], work, cancellationToken)
            .ConfigureAwait(false);
        var assumedDpi = false;
        if (!result.Succeeded && isImage && result.StandardError.Contains("DPI", StringComparison.OrdinalIgnoreCase))
        {
            assumedDpi = true;
            result = await RunAsync([.. arguments, "--image-dpi", AssumedDpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Path.GetFullPath(input), Path.GetFullPath(output)], work, cancellationToken).ConfigureAwait(false);
        }
        Ensure(result, output);
        return assumedDpi;
    }

    /// <summary>One page image of a known resolution (a page straightened for a second reading) → a one-page PDF/A-2b.</summary>
    public async Task OcrPageImageAsync(string image, int dpi, string output, string work, CancellationToken cancellationToken) =>
        Ensure(await RunAsync([.. Arguments, "--image-dpi", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path.GetFullPath(image), Path.GetFullPath(output)], work, cancellationToken).ConfigureAwait(false), output);

    private static readonly string[] Arguments = ["-l", "vie", "--output-type", "pdfa-2", "--rotate-pages", "--deskew", "-j", "1"];

    private static void Ensure(ToolResult result, string output)
    {
        result.EnsureSucceeded();
        if (!File.Exists(output) || new FileInfo(output).Length == 0)
            throw new ConversionException(ConversionFailure.InvalidOutput, Tool, "OCRmyPDF kết thúc với mã 0 nhưng không tạo ra tệp PDF/A.",
                result.ExitCode);
    }

    private Task<ToolResult> RunAsync(IReadOnlyList<string> arguments, string work, CancellationToken cancellationToken) =>
        _runner.RunAsync(new ToolInvocation(Tool, _options.OcrMyPdf, arguments, _options.OcrTimeout, _options.MemoryLimitBytes, work)
        {
            // Temporary files inside the work folder; one Tesseract thread: the machine is shared.
            Environment = new Dictionary<string, string> { ["TMPDIR"] = work, ["OMP_THREAD_LIMIT"] = "1" },
        }, cancellationToken);

    /// <summary>Asked once per instance; the answer is kept, so the probe never runs under a caller's cancellation.</summary>
    private async Task<bool> KnowsSignatureFlagAsync(CancellationToken cancellationToken) =>
        await (_knowsSignatureFlag ??= ProbeAsync()).WaitAsync(cancellationToken).ConfigureAwait(false);

    private async Task<bool> ProbeAsync()
    {
        var help = await _runner.RunAsync(new ToolInvocation(Tool, _options.OcrMyPdf, ["--help"], _options.InspectionTimeout,
                _options.MemoryLimitBytes), CancellationToken.None)
            .ConfigureAwait(false);
        return help.StandardOutput.Contains("--invalidate-digital-signatures", StringComparison.Ordinal);
    }
}
