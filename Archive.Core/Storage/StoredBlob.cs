namespace Archive.Core.Storage;

/// <summary>A blob that is durably in the store: its name and its length in bytes.</summary>
public sealed record StoredBlob(Sha256Digest Digest, long Length);
