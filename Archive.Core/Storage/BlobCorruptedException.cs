namespace Archive.Core.Storage;

/// <summary>A stored blob no longer hashes to its name: the bytes on disk have changed.</summary>
public sealed class BlobCorruptedException(Sha256Digest expected, Sha256Digest actual, string path)
    : IOException($"Blob {expected} is corrupted: its content now hashes to {actual} ({path}).")
{
    public Sha256Digest Expected { get; } = expected;
    public Sha256Digest Actual { get; } = actual;
    public string Path { get; } = path;
}
