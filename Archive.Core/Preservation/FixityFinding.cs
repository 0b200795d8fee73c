namespace Archive.Core.Preservation;

/// <summary>What fixity found wrong with one blob, where it is, and whether it was repaired.</summary>
public sealed record FixityFinding(string Digest, FixityFault Fault, string Path, string Medium, string? RepairedFrom);

public enum FixityFault
{
    /// <summary>The bytes on disk no longer hash to the blob's name.</summary>
    Changed,
    /// <summary>The catalog refers to it but it is not on disk.</summary>
    Missing,
    /// <summary>On disk but not referenced: a write that never committed.</summary>
    Unreferenced,
}
