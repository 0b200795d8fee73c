namespace Archive.Ingest.Conversion;

/// <summary>
/// Whether a PDF carries digital signatures, by poppler's <c>pdfsig</c> (read from its text: its
/// exit code means little). Verifying them is the signature stage's job; conversion only needs to
/// know that the preservation copy will not keep them.
/// </summary>
public sealed class SignedPdfDetector
{
    public const string Tool = "pdfsig";

    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;

    public SignedPdfDetector(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
    }

    public async Task<bool> IsSignedAsync(string pdf, CancellationToken cancellationToken)
    {
        // -nocert: no certificate checks (no NSS database, no network); only the list is wanted.
        var result = await _runner.RunAsync(
            new ToolInvocation(Tool, _options.PdfSig, ["-nocert", Path.GetFullPath(pdf)], _options.InspectionTimeout, _options.MemoryLimitBytes),
            cancellationToken).ConfigureAwait(false);
        return result.StandardOutput.Contains("Signature #1", StringComparison.Ordinal);
    }
}
