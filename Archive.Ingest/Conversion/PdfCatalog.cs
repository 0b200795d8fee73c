namespace Archive.Ingest.Conversion;

/// <summary>What qpdf shows of a PDF's document catalog: the parts PDF/A checks look at.</summary>
/// <param name="Catalog">The catalog dictionary as qpdf prints it.</param>
/// <param name="MetadataObject">Object number of the XMP stream; null when there is none.</param>
/// <param name="Xmp">The XMP stream's bytes; null when there is none.</param>
/// <param name="OutputIntent">The first output intent dictionary as qpdf prints it; null when there is none.</param>
public sealed record PdfCatalog(string Catalog, int? MetadataObject, byte[]? Xmp, string? OutputIntent);
