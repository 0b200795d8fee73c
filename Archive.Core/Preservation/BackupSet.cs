namespace Archive.Core.Preservation;

/// <summary>A complete, verified backup set on a backup medium.</summary>
public sealed record BackupSet(string Folder, BackupManifest Manifest)
{
    public bool IsFull => Manifest.Kind == BackupManifest.FullKind;

    /// <summary>The blobs (by SHA-256) this set holds.</summary>
    public IEnumerable<string> BlobDigests =>
        Manifest.Files.Where(f => f.Path.StartsWith(BackupManifest.BlobPrefix, StringComparison.Ordinal))
            .Select(f => f.Path[(f.Path.LastIndexOf('/') + 1)..]);

    public string PathOf(ManifestFile file) => Path.Combine(Folder, file.Path.Replace('/', Path.DirectorySeparatorChar));

    public string BlobPath(string digest) =>
        Path.Combine(Folder, "blobs", "sha256", digest[..2], digest[2..4], digest);
}
