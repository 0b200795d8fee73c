namespace Archive.Ingest.Conversion;

/// <summary>Which converters made a preservation copy.</summary>
public enum ConversionRoute
{
    /// <summary>A PDF with a text layer, through Ghostscript.</summary>
    Ghostscript = 1,

    /// <summary>An office document, LibreOffice to PDF, then Ghostscript.</summary>
    LibreOfficeThenGhostscript = 2,

    /// <summary>A scan or an image-only PDF, through OCRmyPDF.</summary>
    Ocr = 3,
}
