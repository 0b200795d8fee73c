using System.Globalization;
using System.Text;
using Archive.Core.Catalog;
using Archive.Ingest.Conversion;
using Archive.Ingest.Formats;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// Fills the TT 02 fields a PDF arrived without from what its first page says (<see cref="DocumentHeader"/>, read by poppler's
/// <c>pdftotext -layout</c>) and its page count; never overrides a value given with it. The stage says, for the preservation
/// history, which field came from where: given, the edXML header, or the document.
/// </summary>
public sealed class MetadataFromDocument(ToolRunner runner, ConversionOptions options) : IIngestCheck
{
    public const string FromDocument = "trang 1 của văn bản";

    private static readonly string[] Read = ["TypeName", "CodeNumber", "CodeNotation", "IssuedDate", "OrganName", "Subject", "PageAmount"];

    public string Name => "siêu dữ liệu từ văn bản";

    public string Passed(IngestDocument document)
    {
        var by = document.MetadataSources.GroupBy(s => s.Value).Select(g =>
            $"{g.Key}: {string.Join(", ", g.Select(s => Tt02Fields.Document.All.First(f => f.Tag == s.Key).VietnameseName))}").ToList();
        return by.Count == 0 ? "không lấy trường nào: đã đủ." : "lấy " + string.Join("; lấy ", by.Select(b => "từ " + b)) + ".";
    }

    public async Task CheckAsync(IngestDocument document, CancellationToken cancellationToken)
    {
        if (document.Format?.Format != FileFormat.Pdf || document.PdfStructure is { Encrypted: true }) return;
        var missing = Read.Where(tag => document.Metadata[tag] is null).ToList();
        if (missing.Count == 0) return;
        var header = DocumentHeader.Read(await FirstPageAsync(document.Path, cancellationToken).ConfigureAwait(false));
        var found = new Dictionary<string, string?>
        {
            ["TypeName"] = header.TypeName, ["CodeNumber"] = header.CodeNumber, ["CodeNotation"] = header.CodeNotation,
            ["IssuedDate"] = header.IssuedDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["OrganName"] = header.OrganName,
            ["Subject"] = header.Subject, ["PageAmount"] = document.PdfStructure?.Pages.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var tag in missing)
            if (found[tag] is { Length: > 0 } value)
            {
                document.Metadata = document.Metadata.With(tag, value);
                document.MetadataSources[tag] = FromDocument;
            }
    }

    private async Task<string> FirstPageAsync(string pdf, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("archive-header-").FullName;
        try
        {
            var target = Path.Combine(work, "trang-1.txt");
            var result = await runner.RunAsync(new ToolInvocation(PdfTextExtractor.Tool, options.PdfToText,
                ["-layout", "-f", "1", "-l", "1", "-enc", "UTF-8", Path.GetFullPath(pdf), target], options.InspectionTimeout,
                options.MemoryLimitBytes), cancellationToken).ConfigureAwait(false);
            // A page poppler cannot read gives no fields; the metadata check then names what is missing.
            if (result.ExitCode != 0 || !File.Exists(target)) return "";
            return (await File.ReadAllTextAsync(target, Encoding.UTF8, cancellationToken).ConfigureAwait(false))
                .Normalize(NormalizationForm.FormC);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
