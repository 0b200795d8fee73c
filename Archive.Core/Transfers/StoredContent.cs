using Archive.Core.Storage;

namespace Archive.Core.Transfers;

/// <summary>A blob of the store by its SHA-256, with its length and media format.</summary>
public sealed record StoredContent(Sha256Digest Digest, long Length, string Format);
