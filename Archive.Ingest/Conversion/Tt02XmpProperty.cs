namespace Archive.Ingest.Conversion;

/// <summary>One TT 02 field as an XMP property of the tt02 schema: its tag, its value as text, and what it means.</summary>
public sealed record Tt02XmpProperty(string Name, string Value, string Description);
