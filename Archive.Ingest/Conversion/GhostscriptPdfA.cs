using System.Text;
using Serilog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// PDF → PDF/A-2b with Ghostscript, carrying the TT 02 metadata in XMP. Debian 12's own
/// PDFA_def.ps names srgb.icc by a relative path that -dSAFER cannot open, and then
/// Ghostscript silently writes a "PDF/A" without OutputIntent; so the archive writes its own
/// definition file with the absolute profile path and makes a missing profile a hard error.
/// Conversions run in long-lived Ghostscript workers (see <see cref="GhostscriptWorker"/>) that
/// may read and write only below <c>root</c>, where every conversion's work folder is.
/// </summary>
public sealed class GhostscriptPdfA : IDisposable
{
    public const string Tool = "ghostscript";
    public const string SrgbProfile = "/usr/share/color/icc/ghostscript/srgb.icc";

    private const int MaxPostScriptString = 65535;

    private readonly GhostscriptPool _workers;
    private readonly Tt02XmpWriter _xmp;
    private readonly ILogger _log;

    public GhostscriptPdfA(ToolRunner runner, ConversionOptions options, string root, ILogger log)
    {
        _workers = new GhostscriptPool(options, root, log);
        _xmp = new Tt02XmpWriter();
        _log = log.ForContext<GhostscriptPdfA>();
    }

    /// <summary>Writes <paramref name="output"/>; <paramref name="work"/> is a private folder below the root for the PostScript files.</summary>
    /// <returns>The output's structure and its XMP packet, for verification.</returns>
    public async Task<(PdfStructure Structure, XmpPacket Xmp)> ConvertAsync(string input, string output, Tt02Xmp metadata, string work, CancellationToken cancellationToken)
    {
        if (!File.Exists(SrgbProfile))
            throw new ConversionException(ConversionFailure.ToolMissing, Tool,
                $"Thiếu hồ sơ màu {SrgbProfile} (gói libgs-common); không thể tạo PDF/A.");

        // Absolute paths: Ghostscript looks a bare "PDFA_def.ps" up in its own library folder first.
        var definition = Path.GetFullPath(Path.Combine(work, "archive-pdfa-def.ps"));
        var marks = Path.GetFullPath(Path.Combine(work, "archive-tt02-metadata.ps"));
        await File.WriteAllTextAsync(definition, PdfADefinition, Encoding.ASCII, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(marks, MetadataMarks(metadata), Encoding.ASCII, cancellationToken).ConfigureAwait(false);

        // A fresh pdfwrite device per document. Pointing it at another file closes the document at once; leaving
        // the device only closes it when Ghostscript collects the device, which may be long after the job.
        var job = $"mark /OutputFile {PostScriptString(Path.GetFullPath(output))} /PDFA 2 /PDFACompatibilityPolicy 1 /ColorConversionStrategy /RGB " +
                  $"/pdfwrite finddevice copydevice putdeviceprops setdevice {PostScriptString(definition)} run " +
                  $"{PostScriptString(Path.GetFullPath(input))} (r) file runpdf {PostScriptString(marks)} run " +
                  $"<< /OutputFile {PostScriptString(Path.Combine(work, "closed.pdf"))} >> setpagedevice ArchiveDevices ArchiveJob currentdevice put nulldevice";
        var said = await _workers.RunAsync(job, cancellationToken).ConfigureAwait(false);

        // Ghostscript reports many PDF/A problems and then goes on anyway.
        if (said.Contains("PDF/A processing aborted", StringComparison.Ordinal) || said.Contains("Archive: cannot open", StringComparison.Ordinal))
            throw new ConversionException(ConversionFailure.InvalidOutput, Tool,
                $"Ghostscript không gắn được hồ sơ màu sRGB; tệp kết quả không phải PDF/A. {said.Trim()}");
        if (!File.Exists(output) || new FileInfo(output).Length == 0)
            throw new ConversionException(ConversionFailure.InvalidOutput, Tool, "Ghostscript báo xong nhưng không tạo ra tệp PDF/A.");
        if (said.Length > 0) _log.Debug("Ghostscript said: {Output}", said);

        // Ghostscript adds its own dc:title ("Untitled") beside ours; keep one of each property.
        return await _xmp.WriteAsync(output, metadata, Tool, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _workers.Dispose();

    /// <summary>A PostScript hex string: any path, whatever characters it holds, needs no escaping.</summary>
    private static string PostScriptString(string text) => "<" + Convert.ToHexString(Encoding.UTF8.GetBytes(text)) + ">";

    /// <summary>
    /// The /Ext_Metadata pdfmark that puts the TT 02 XMP into Ghostscript's packet, and the issue
    /// date as /CreationDate so that xmp:CreateDate and the Info dictionary agree (PDF/A 6.6.3).
    /// The XML goes as a hex string: UTF-8 Vietnamese text and parentheses need no PostScript escaping.
    /// </summary>
    private static string MetadataMarks(Tt02Xmp metadata)
    {
        var xml = Encoding.UTF8.GetBytes(string.Concat(metadata.Descriptions().Select(d => d.ToString(System.Xml.Linq.SaveOptions.DisableFormatting))));
        var text = new StringBuilder("%!PS\n");
        // A PostScript string holds at most 65535 bytes; the XMP clean-up after Ghostscript writes the metadata in any case.
        if (xml.Length < MaxPostScriptString)
            text.Append("[/XML <").Append(Convert.ToHexString(xml)).Append("> /Ext_Metadata pdfmark\n");
        if (metadata.PdfCreationDate is { } created)
            text.Append("[/CreationDate (").Append(created).Append(") /DOCINFO pdfmark\n");
        return text.ToString();
    }

    /// <summary>
    /// The OutputIntent: the sRGB profile as an ICC stream (RGB, since ColorConversionStrategy=RGB)
    /// named in the catalog. Failing to read the profile stops Ghostscript instead of going on without it.
    /// </summary>
    private const string PdfADefinition =
        "%!PS\n" +
        "% Archive: PDF/A-2b output intent. Written per run; do not use Ghostscript's lib/PDFA_def.ps.\n" +
        "/ArchiveIccProfile (" + SrgbProfile + ") def\n" +
        "[/_objdef {ArchiveIcc} /type /stream /OBJ pdfmark\n" +
        "[{ArchiveIcc} << /N 3 >> /PUT pdfmark\n" +
        "[{ArchiveIcc} { ArchiveIccProfile (r) file } stopped\n" +
        "  { (Archive: cannot open the sRGB ICC profile\\n) print cleartomark /ArchiveIccProfile cvx /invalidfileaccess signalerror } if\n" +
        "  /PUT pdfmark\n" +
        "[/_objdef {ArchiveOutputIntent} /type /dict /OBJ pdfmark\n" +
        "[{ArchiveOutputIntent} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {ArchiveIcc}" +
        " /OutputConditionIdentifier (sRGB) /Info (sRGB IEC61966-2.1) >> /PUT pdfmark\n" +
        "[{Catalog} << /OutputIntents [ {ArchiveOutputIntent} ] >> /PUT pdfmark\n";
}
