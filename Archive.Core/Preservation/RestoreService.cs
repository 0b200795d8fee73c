using Archive.Core.Storage;
using Serilog;

namespace Archive.Core.Preservation;

/// <summary>
/// Rebuilds a working data folder from a medium's newest chain (its last full set and the
/// incremental sets after it). Every file is checked against its manifest and every blob against its
/// name before it is used; the restored catalog is then checked to have every blob it refers to.
/// </summary>
public sealed class RestoreService(TimeProvider clock, ILogger log)
{
    private readonly ILogger _log = log.ForContext<RestoreService>();

    /// <param name="rebuildIndex">Rebuilds the derived search index of the restored folder (backups do not carry it).</param>
    public async Task<RestoreReport> RunAsync(string from, string to, IProgress<string>? progress, CancellationToken cancellationToken,
        Func<ArchiveStore, CancellationToken, Task<int>>? rebuildIndex = null)
    {
        var target = new BackupTarget(from);
        var chain = target.LatestChain();
        if (chain.Count == 0)
            throw new RestoreException($"'{target.Root}' không có bộ sao lưu đầy đủ nào đã hoàn tất để phục hồi.");
        var folder = new DataFolder(to);
        if (Directory.Exists(folder.Root) && Directory.EnumerateFileSystemEntries(folder.Root).Any())
            throw new RestoreException($"Thư mục đích '{folder.Root}' không trống: phục hồi chỉ ghi vào thư mục trống để không đè dữ liệu đang có.");
        folder.CreateLayout();

        var problems = new List<string>();
        var latest = chain[^1];
        progress?.Report($"Phục hồi từ {chain.Count} bộ sao lưu: {string.Join(", ", chain.Select(s => s.Manifest.Id))}.");

        // Catalog, trust store and configuration from the newest set; blobs from every set of the chain.
        foreach (var file in latest.Manifest.Files.Where(f => !f.Path.StartsWith(BackupManifest.BlobPrefix, StringComparison.Ordinal)))
            await CopyVerifiedAsync(latest, file, Path.Combine(folder.Root, file.Path.Replace('/', Path.DirectorySeparatorChar)), problems,
                cancellationToken).ConfigureAwait(false);

        // Newest copy first; an older set of the chain stands in for a damaged newer copy. Only what the restored catalog records:
        // content destroyed since an older set was made stays destroyed.
        var referenced = File.Exists(folder.CatalogFile) ? BackupService.ReferencedBlobs(folder.CatalogFile) : null;
        var copies = Enumerable.Reverse(chain)
            .SelectMany(set => set.Manifest.Files
                .Where(f => f.Path.StartsWith(BackupManifest.BlobPrefix, StringComparison.Ordinal))
                .Select(f => (Set: set, File: f, Digest: f.Path[(f.Path.LastIndexOf('/') + 1)..])))
            .Where(c => referenced?.Contains(c.Digest) != false)
            .GroupBy(c => c.Digest, StringComparer.Ordinal);
        var restored = 0;
        long bytes = 0;
        foreach (var blob in copies)
        {
            var destination = Path.Combine(folder.Blobs, "sha256", blob.Key[..2], blob.Key[2..4], blob.Key);
            var attempts = new List<string>();
            foreach (var (set, file, digest) in blob)
            {
                if (file.Sha256 != digest)
                {
                    attempts.Add($"manifest của {set.Manifest.Id} ghi sai mã băm cho {file.Path}");
                    continue;
                }
                if (!await CopyVerifiedAsync(set, file, destination, attempts, cancellationToken).ConfigureAwait(false)) continue;
                restored++;
                bytes += file.Length;
                if (restored % 1000 == 0) progress?.Report($"  đã phục hồi {restored} tệp…");
                attempts.Clear();
                break;
            }
            problems.AddRange(attempts);
        }
        DurableFile.FlushFileSystemOf(folder.Root);

        int documents;
        int? indexed = null;
        using (var store = ArchiveStore.Open(folder, clock, log))
        {
            var consistency = store.CheckConsistency();
            problems.AddRange(consistency.MissingBlobs.Select(d => $"Danh mục phục hồi tham chiếu tệp {d} nhưng không bộ sao lưu nào có nó."));
            documents = store.Catalog.Read(s => s.Documents.Count());
            if (rebuildIndex is not null)
            {
                progress?.Report("Dựng lại chỉ mục tìm kiếm…");
                indexed = await rebuildIndex(store, cancellationToken).ConfigureAwait(false);
            }
        }
        _log.Information("Restored {To} from {From}: {Blobs} blobs, {Problems} problems", folder.Root, target.Root, restored, problems.Count);
        return new RestoreReport(target.Root, folder.Root, chain.Select(s => s.Manifest.Id).ToList(), restored, bytes, documents, indexed,
            problems);
    }

    /// <summary>Copies one file after checking it against its manifest; says in <paramref name="problems"/> why not.</summary>
    private static async Task<bool> CopyVerifiedAsync(BackupSet set, ManifestFile file, string destination, List<string> problems,
        CancellationToken cancellationToken)
    {
        var source = set.PathOf(file);
        if (!File.Exists(source))
        {
            problems.Add($"Bộ sao lưu {set.Manifest.Id} thiếu tệp {file.Path}.");
            return false;
        }
        if (await BackupService.HashFileAsync(source, cancellationToken).ConfigureAwait(false) != file.Sha256)
        {
            problems.Add($"Tệp {file.Path} trong bộ sao lưu {set.Manifest.Id} đã bị hỏng (mã băm không khớp manifest).");
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        File.Copy(source, destination, overwrite: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(destination, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return true;
    }
}
