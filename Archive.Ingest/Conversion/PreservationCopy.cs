namespace Archive.Ingest.Conversion;

/// <summary>A verified PDF/A-2b preservation copy, its text for the index, and the report of how it was made.</summary>
public sealed record PreservationCopy(string PdfAPath, string Text, ConversionReport Report);
