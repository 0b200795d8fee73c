namespace Archive.Core.Preservation;

/// <summary>A file of a document as PREMIS describes it: the archive's id, its name in the package, SHA-256, size and format.</summary>
public sealed record PremisFile(string Id, string Name, string Sha256, long Length, string Format);
