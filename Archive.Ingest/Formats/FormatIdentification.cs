namespace Archive.Ingest.Formats;

/// <summary>
/// What a file is, judged by its bytes; whether its name agrees; and, for PDF, its version and whether
/// it claims PDF/A conformance. <see cref="Problem"/> is the Vietnamese reason to reject it, if any.
/// </summary>
public sealed record FormatIdentification(FileFormat Format, string? ExtensionFormatName, bool ExtensionMatches, string? PdfAClaim,
    string? Problem, string? Version = null)
{
    public bool Accepted => Problem is null;

    /// <summary>The conversion route: office documents through LibreOffice, images through OCR, PDFs directly.</summary>
    public bool IsOffice => Format is FileFormat.Docx or FileFormat.Xlsx or FileFormat.Odt or FileFormat.Ods or FileFormat.Doc or FileFormat.Xls;

    public bool IsImage => Format is FileFormat.Jpeg or FileFormat.Png or FileFormat.Tiff;

    /// <summary>What was found, for the records officer: e.g. "PDF 1.7 (khai báo PDF/A-2b)".</summary>
    public string Description =>
        FormatIdentifier.Name(Format) + (Version is { } v ? " " + v : "") +
        (PdfAClaim is { Length: > 0 } claim ? $" (khai báo PDF/A-{claim[..1]}{claim[1..].ToLowerInvariant()})" : "");
}
