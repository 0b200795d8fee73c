namespace Archive.Ingest.Formats;

/// <summary>The formats the archive accepts, as identified from a file's content.</summary>
public enum FileFormat
{
    Unknown,
    Pdf,
    Docx,
    Xlsx,
    Odt,
    Ods,
    Doc,
    Xls,
    Jpeg,
    Png,
    Tiff,
    EdXml,
    Zip,
}
