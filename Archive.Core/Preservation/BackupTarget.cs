using System.Text.Json;

namespace Archive.Core.Preservation;

/// <summary>
/// A backup medium (a folder on another disk, removable media): its complete sets, oldest first,
/// and the folders left by backups that never finished.
/// </summary>
public sealed class BackupTarget
{
    public const string PartialSuffix = ".partial";
    internal static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public BackupTarget(string root) => Root = Path.GetFullPath(root);

    public string Root { get; }

    public IReadOnlyList<BackupSet> CompleteSets()
    {
        if (!Directory.Exists(Root)) return [];
        var sets = new List<BackupSet>();
        foreach (var folder in Directory.EnumerateDirectories(Root))
        {
            if (folder.EndsWith(PartialSuffix, StringComparison.Ordinal)) continue;
            var manifestPath = Path.Combine(folder, BackupManifest.FileName);
            if (!File.Exists(manifestPath)) continue;
            var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(manifestPath), ManifestJson);
            if (manifest is not null && manifest.Id == Path.GetFileName(folder)) sets.Add(new BackupSet(folder, manifest));
        }
        return sets.OrderBy(s => s.Manifest.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>The newest full set and every set after it: what a restore needs, in order.</summary>
    public IReadOnlyList<BackupSet> LatestChain()
    {
        var sets = CompleteSets();
        var lastFull = sets.Select((s, i) => (s, i)).LastOrDefault(x => x.s.IsFull);
        return lastFull.s is null ? [] : sets.Skip(lastFull.i).ToList();
    }

    public IReadOnlyList<string> PartialFolders() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Where(d => d.EndsWith(PartialSuffix, StringComparison.Ordinal)).ToList()
            : [];
}
