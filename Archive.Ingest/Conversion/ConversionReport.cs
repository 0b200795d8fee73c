namespace Archive.Ingest.Conversion;

/// <summary>What was done to make a preservation copy, what to know about it, and how it was checked.</summary>
public sealed record ConversionReport(
    ConversionRoute Route,
    IReadOnlyList<ConversionStep> Steps,
    IReadOnlyList<string> Notes,
    PdfAVerification Verification);
