using System.Text;

namespace Archive.Ingest.Conversion;

/// <summary>
/// The text of a PDF for indexing, by poppler's <c>pdftotext -raw</c>: content-stream order,
/// which is reading order for our converters' output, instead of guessing columns.
/// </summary>
public sealed class PdfTextExtractor
{
    public const string Tool = "pdftotext";

    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;

    public PdfTextExtractor(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
    }

    /// <summary>The text in Unicode NFC (OCR and PDFs mix composed and decomposed diacritics), its broken syllables mended.</summary>
    public async Task<string> ExtractAsync(string pdf, string work, CancellationToken cancellationToken)
    {
        // Through a file: the runner bounds captured output, and a long document's text is long.
        var target = Path.Combine(work, $"text-{Guid.NewGuid():N}.txt");
        try
        {
            (await _runner.RunAsync(new ToolInvocation(Tool, _options.PdfToText,
                ["-raw", "-enc", "UTF-8", Path.GetFullPath(pdf), target],
                _options.InspectionTimeout, _options.MemoryLimitBytes), cancellationToken).ConfigureAwait(false)).EnsureSucceeded();
            var text = await File.ReadAllTextAsync(target, Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            // Split and run-together syllables mended, so that a document is found by the words it shows (#16).
            return TextLayerRepair.Repair(text.Normalize(NormalizationForm.FormC));
        }
        finally
        {
            File.Delete(target);
        }
    }
}
