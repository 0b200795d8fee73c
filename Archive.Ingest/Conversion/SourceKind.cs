namespace Archive.Ingest.Conversion;

/// <summary>
/// What an original is, as format identification found it; decides the conversion route.
/// </summary>
public enum SourceKind
{
    /// <summary>A PDF; image-only PDFs (no text layer) are sent to OCR.</summary>
    Pdf = 1,

    /// <summary>DOC, DOCX, ODT, XLS, XLSX, ODS: LibreOffice exports them to PDF first.</summary>
    Office = 2,

    /// <summary>A scan: JPEG, PNG or TIFF.</summary>
    Image = 3,
}
