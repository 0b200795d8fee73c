namespace Archive.Ingest.Conversion;

/// <summary>One thing the converter did, for the report and the migration preservation event.</summary>
public sealed record ConversionStep(string Tool, string Description, TimeSpan Elapsed);
