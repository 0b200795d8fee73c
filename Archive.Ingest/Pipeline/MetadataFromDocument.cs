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
    public const string FromXmp = "siêu dữ liệu XMP TT 02 của tệp";
    public const string FromTitle = "tiêu đề của tệp PDF";

    /// <summary>PdfPig reads a whole file into memory: the XMP and the title are read only from files up to this size (larger
    /// ones are scans, whose fields come from their first page).</summary>
    private const long EmbeddedReadLimit = 32L << 20;

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
        var (xmp, title) = new FileInfo(document.Path).Length <= EmbeddedReadLimit
            ? Embedded(document.Path)
            : (new Dictionary<string, string>(), null);
        foreach (var tag in missing.Where(t => xmp.ContainsKey(t)))
        {
            document.Metadata = document.Metadata.With(tag, xmp[tag]);
            document.MetadataSources[tag] = FromXmp;
        }
        missing = Read.Where(tag => document.Metadata[tag] is null).ToList();
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
        if (document.Metadata["Subject"] is null && title is not null)
        {
            document.Metadata = document.Metadata.With("Subject", title);
            document.MetadataSources["Subject"] = FromTitle;
        }
    }

    /// <summary>
    /// The tt02 properties of the file's XMP (as this archive and TT 02 write them; dates dd/mm/yyyy), and its title (the Info
    /// /Title, else dc:title) when it reads as a title and not a file name. Nothing when the file cannot be read.
    /// </summary>
    private static (Dictionary<string, string> Tt02, string? Title) Embedded(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? title = null;
        try
        {
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(path, Signatures.Parsing.Strict);
            // Parsed from its bytes as XML says they are encoded (PdfPig's own XDocument reads UTF-8 as Latin-1).
            if (pdf.TryGetXmpMetadata(out var xmp) && XmpPacket.Parse(xmp.GetXmlBytes().ToArray()).Document is { Root: { } root })
            {
                foreach (var tag in Read)
                    if (root.Descendants(XmpNames.Tt02 + tag).FirstOrDefault()?.Value.Trim() is { Length: > 0 } value)
                        values[tag] = tag == "IssuedDate" && DateOnly.TryParseExact(value, "dd/MM/yyyy", CultureInfo.InvariantCulture,
                            DateTimeStyles.None, out var date) ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : value;
                title = root.Descendants(XmpNames.Dc + "title").FirstOrDefault()?.Value.Trim();
            }
            // The Info /Title first: Ghostscript 10.0 writes a non-Latin title into dc:title garbled, into /Title right.
            title = pdf.Information.Title?.Trim() is { Length: > 0 } info ? info : title;
        }
        catch (Exception e) when (Signatures.Parsing.IsPdfFailure(e) || e is System.Xml.XmlException)
        {
            return (values, null);
        }
        // Office programs put the file name, or nothing useful, where the title goes.
        var looksLikeTitle = title is { Length: >= 10 } && title.Contains(' ', StringComparison.Ordinal) && !title.Contains('\uFFFD')
                             && !Path.HasExtension(title) && !title.StartsWith("Microsoft", StringComparison.Ordinal);
        return (values, looksLikeTitle ? VietnameseText.Nfc(title!) : null);
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
