using Archive.Core.Catalog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// One original to convert: its file (never modified), its kind as format identification found
/// it, and the document whose TT 02 metadata goes into the copy's XMP.
/// </summary>
/// <param name="OutputPath">Where the PDF/A is written; an existing file there is replaced.</param>
/// <param name="Structure">The original PDF's structure when an earlier stage has read it already; read again otherwise.</param>
public sealed record ConversionRequest(string OriginalPath, SourceKind Kind, ArchivedDocument Document, string OutputPath,
    PdfStructure? Structure = null);
