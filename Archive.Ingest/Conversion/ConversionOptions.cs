namespace Archive.Ingest.Conversion;

/// <summary>
/// Limits and program names of the converters. Program names are looked up on PATH unless
/// absolute; tests point them at stand-ins to provoke hangs and crashes.
/// </summary>
public sealed record ConversionOptions
{
    public string Ghostscript { get; init; } = "gs";
    public string LibreOffice { get; init; } = "soffice";
    public string OcrMyPdf { get; init; } = "ocrmypdf";
    public string Qpdf { get; init; } = "qpdf";
    public string PdfToText { get; init; } = "pdftotext";
    public string PdfToPpm { get; init; } = "pdftoppm";
    public string PdfInfo { get; init; } = "pdfinfo";
    public string Unpaper { get; init; } = "unpaper";

    /// <summary>For one Ghostscript or LibreOffice run; a few pages take seconds.</summary>
    public TimeSpan ConverterTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>For one OCRmyPDF run (about 3 s per A4 page here, far more for large scans).</summary>
    public TimeSpan OcrTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>For the quick inspection tools (qpdf, pdftotext).</summary>
    public TimeSpan InspectionTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Address-space limit of each converter; LibreOffice and Tesseract reserve a lot of it.</summary>
    public long MemoryLimitBytes { get; init; } = 8L * 1024 * 1024 * 1024;

    /// <summary>Ghostscript conversions at the same time; 0 for one per core.</summary>
    public int Parallelism { get; init; }

    /// <summary>Where per-document work folders are made; the system temp folder by default.</summary>
    public string? WorkRoot { get; init; }
}
