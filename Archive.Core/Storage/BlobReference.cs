namespace Archive.Core.Storage;

/// <summary>
/// The catalog's record that a blob belongs to the archive. A blob on disk without one is an orphan
/// (a write that never committed); one of these without its blob on disk is a loss.
/// </summary>
public sealed record BlobReference
{
    /// <summary>The blob's SHA-256 in hexadecimal.</summary>
    public string Id { get; init; } = "";
    public long Length { get; init; }
    public string StoredAt { get; init; } = "";
    /// <summary>What the blob is, e.g. "original", "pdfa", "text", "report".</summary>
    public string Role { get; init; } = "";
    public string OwnerId { get; init; } = "";
}
