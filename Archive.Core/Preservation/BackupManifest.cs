namespace Archive.Core.Preservation;

/// <summary>
/// What one backup set holds: every file with its SHA-256, written last, after the copy was read
/// back and verified. A set without a manifest (a ".partial" folder) is never used.
/// </summary>
public sealed record BackupManifest(
    string Id,
    string Kind,
    DateTimeOffset Created,
    string? BasedOnFull,
    string SourceDataFolder,
    IReadOnlyList<ManifestFile> Files)
{
    public const string FileName = "manifest.json";
    public const string FullKind = "full";
    public const string IncrementalKind = "incremental";
    public const string BlobPrefix = "blobs/sha256/";
}

/// <summary>One file of a backup set, by its path relative to the set's folder (always with '/').</summary>
public sealed record ManifestFile(string Path, string Sha256, long Length);
