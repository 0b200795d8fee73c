namespace Archive.Ingest.Conversion;

/// <summary>
/// Office documents (DOC, DOCX, ODT, XLS, XLSX, …) → PDF with LibreOffice headless. Each run has
/// its own profile folder: LibreOffice allows one process per profile and keeps state in it.
/// </summary>
public sealed class LibreOfficeExport
{
    public const string Tool = "libreoffice";

    private readonly ToolRunner _runner;
    private readonly ConversionOptions _options;

    public LibreOfficeExport(ToolRunner runner, ConversionOptions options)
    {
        _runner = runner;
        _options = options;
    }

    /// <summary>Returns the path of the PDF written into <paramref name="work"/>.</summary>
    public async Task<string> ToPdfAsync(string input, string work, CancellationToken cancellationToken)
    {
        var profile = Path.GetFullPath(Path.Combine(work, "libreoffice-profile"));
        var outFolder = Path.GetFullPath(Path.Combine(work, "libreoffice-out"));
        Directory.CreateDirectory(outFolder);
        string[] arguments =
        [
            "--headless", "--norestore", "--nolockcheck",
            $"-env:UserInstallation={new Uri(profile + "/").AbsoluteUri}",
            "--convert-to", "pdf", "--outdir", outFolder, Path.GetFullPath(input),
        ];
        var invocation = new ToolInvocation(Tool, _options.LibreOffice, arguments, _options.ConverterTimeout, _options.MemoryLimitBytes, work)
        {
            // LibreOffice also writes to $HOME and $TMPDIR; keep those inside the work folder too.
            Environment = new Dictionary<string, string> { ["HOME"] = work, ["TMPDIR"] = work },
        };
        var result = (await _runner.RunAsync(invocation, cancellationToken).ConfigureAwait(false)).EnsureSucceeded();

        // LibreOffice exits 0 when it cannot load the source; the missing output says so.
        var pdf = Path.Combine(outFolder, Path.GetFileNameWithoutExtension(input) + ".pdf");
        if (!File.Exists(pdf) || new FileInfo(pdf).Length == 0)
            throw new ConversionException(ConversionFailure.DamagedSource, Tool,
                $"LibreOffice không đọc được tệp văn phòng để chuyển sang PDF. {result.StandardError.Trim()}".TrimEnd(), result.ExitCode);
        return pdf;
    }
}
