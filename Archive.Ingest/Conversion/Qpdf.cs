using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Archive.Ingest.Conversion;

/// <summary>
/// qpdf, the archive's independent reader of PDF structure: checks files, shows the catalog
/// and its XMP, and replaces the XMP stream without touching anything else.
/// </summary>
public sealed partial class Qpdf
{
    private const string Tool = "qpdf";
    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;

    public Qpdf(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
    }

    /// <summary><c>qpdf --check</c>: exit 0 clean, 3 warnings (qpdf repaired something), 2 errors.</summary>
    public Task<ToolResult> CheckAsync(string pdf, CancellationToken cancellationToken) =>
        RunAsync(cancellationToken, "--check", pdf);

    public async Task<int> PageCountAsync(string pdf, CancellationToken cancellationToken)
    {
        var shown = (await RunAsync(cancellationToken, "--show-npages", pdf).ConfigureAwait(false)).EnsureSucceeded().StandardOutput.Trim();
        return int.TryParse(shown, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pages)
            ? pages
            : throw new ConversionException(ConversionFailure.InvalidOutput, Tool, $"qpdf không cho biết số trang: {shown}");
    }

    /// <summary>True when the PDF cannot be opened without a user password.</summary>
    public async Task<bool> RequiresPasswordAsync(string pdf, CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken, "--requires-password", pdf).ConfigureAwait(false)).ExitCode == 0;

    public async Task<PdfCatalog> ReadCatalogAsync(string pdf, CancellationToken cancellationToken)
    {
        var trailer = await ShowAsync(pdf, "trailer", cancellationToken).ConfigureAwait(false);
        var root = Reference(trailer, "Root")
            ?? throw new ConversionException(ConversionFailure.InvalidOutput, Tool, "Tệp PDF không có /Root.");
        var catalog = await ShowAsync(pdf, root.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);

        var metadata = Reference(catalog, "Metadata");
        byte[]? xmp = null;
        if (metadata is { } number)
        {
            var stream = (await RunAsync(cancellationToken, $"--show-object={number}", "--filtered-stream-data", pdf).ConfigureAwait(false)).EnsureSucceeded();
            xmp = Encoding.UTF8.GetBytes(stream.StandardOutput);
        }

        string? outputIntent = null;
        var intents = OutputIntentsPattern().Match(catalog);
        if (intents.Success)
        {
            var first = FirstReferencePattern().Match(intents.Groups["items"].Value);
            outputIntent = first.Success
                ? await ShowAsync(pdf, first.Groups["number"].Value, cancellationToken).ConfigureAwait(false)
                : intents.Groups["items"].Value.Trim().Length > 0 ? intents.Groups["items"].Value : null;
        }
        return new PdfCatalog(catalog, metadata, xmp, outputIntent);
    }

    /// <summary>
    /// Writes <paramref name="xmp"/> as the PDF's metadata stream, uncompressed as PDF/A requires, and
    /// drops from the Info dictionary the entries XMP now says (PDF/A wants the two to agree, and an
    /// empty /Author beside our dc:creator would not). <paramref name="creationDate"/>, a PDF date,
    /// replaces Info's /CreationDate so that it agrees with the packet's xmp:CreateDate.
    /// </summary>
    public async Task ReplaceXmpAsync(string pdf, int metadataObject, XmpPacket xmp, string? creationDate, CancellationToken cancellationToken)
    {
        var objects = new Dictionary<string, object>
        {
            [$"obj:{metadataObject} 0 R"] = new
            {
                stream = new
                {
                    dict = new Dictionary<string, string> { ["/Type"] = "/Metadata", ["/Subtype"] = "/XML" },
                    data = Convert.ToBase64String(xmp.ToBytes()),
                },
            },
        };
        if (Reference(await ShowAsync(pdf, "trailer", cancellationToken).ConfigureAwait(false), "Info") is { } info)
        {
            var key = $"obj:{info} 0 R";
            var shown = (await RunAsync(cancellationToken, "--json=2", "--json-key=qpdf", $"--json-object={info}", pdf).ConfigureAwait(false))
                .EnsureSucceeded().StandardOutput;
            using var shownJson = JsonDocument.Parse(shown);
            var entries = shownJson.RootElement.GetProperty("qpdf")[1].GetProperty(key).GetProperty("value").EnumerateObject()
                .Where(e => e.Name is not ("/Title" or "/Author" or "/Subject" or "/Keywords"))
                .ToDictionary(e => e.Name, e => e.Value.Clone());
            // qpdf JSON: "u:" marks a text string.
            if (creationDate is not null) entries["/CreationDate"] = JsonSerializer.SerializeToElement("u:" + creationDate);
            objects[key] = new { value = entries };
        }
        var update = new { qpdf = new object[] { new { jsonversion = 2 }, objects } };
        var json = pdf + ".xmp.json";
        var output = pdf + ".xmp.pdf";
        try
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(update, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), cancellationToken).ConfigureAwait(false);
            (await RunAsync(cancellationToken, pdf, $"--update-from-json={json}", "--compress-streams=n", "--object-streams=preserve", output)
                .ConfigureAwait(false)).EnsureSucceeded();
            File.Move(output, pdf, overwrite: true);
        }
        finally
        {
            File.Delete(json);
            File.Delete(output);
        }
    }

    private async Task<string> ShowAsync(string pdf, string obj, CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken, $"--show-object={obj}", pdf).ConfigureAwait(false)).EnsureSucceeded().StandardOutput;

    private Task<ToolResult> RunAsync(CancellationToken cancellationToken, params string[] arguments) =>
        _runner.RunAsync(new ToolInvocation(Tool, _options.Qpdf, arguments, _options.InspectionTimeout, _options.MemoryLimitBytes), cancellationToken);

    private static int? Reference(string dictionary, string key)
    {
        var match = Regex.Match(dictionary, $@"/{key}\s+(\d+)\s+\d+\s+R");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"/OutputIntents\s*\[(?<items>[^\]]*)\]")]
    private static partial Regex OutputIntentsPattern();

    [GeneratedRegex(@"(?<number>\d+)\s+\d+\s+R")]
    private static partial Regex FirstReferencePattern();
}
