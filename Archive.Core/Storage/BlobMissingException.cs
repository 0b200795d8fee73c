namespace Archive.Core.Storage;

/// <summary>The catalog refers to a blob that is not in the store.</summary>
public sealed class BlobMissingException(Sha256Digest digest, string path)
    : FileNotFoundException($"Blob {digest} is missing ({path}).", path)
{
    public Sha256Digest Digest { get; } = digest;
}
