using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.Core.Storage;
using LiteDB;
using Serilog;
using JsonSerializer = System.Text.Json.JsonSerializer;

namespace Archive.Core.Preservation;

/// <summary>
/// Writes a backup set to a medium: a consistent snapshot of the catalog, the blobs not yet on that
/// medium since its last full set (all of them for a full set), the trust store and the configuration.
/// Everything goes into a ".partial" folder, is read back and verified against the manifest, and only
/// then is the folder renamed to its final name: an interrupted backup is never taken for a complete one.
/// </summary>
public sealed class BackupService(ArchiveStore store, TimeProvider clock, ILogger log)
{
    private const int BufferSize = 1 << 20;
    private readonly ILogger _log = log.ForContext<BackupService>();

    public async Task<BackupReport> RunAsync(string targetRoot, BackupKind requested, IReadOnlyList<string> configurationFiles,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var target = new BackupTarget(targetRoot);
        Directory.CreateDirectory(target.Root);
        var removed = RemovePartialSets(target);
        var chain = target.LatestChain();
        var now = clock.GetUtcNow();
        var full = requested == BackupKind.Full || chain.Count == 0 ||
                   (requested == BackupKind.Scheduled && !SameMonth(chain[0].Manifest.Created, now));
        var kind = full ? BackupManifest.FullKind : BackupManifest.IncrementalKind;
        var id = $"{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}-{kind}";
        var folder = Path.Combine(target.Root, id + BackupTarget.PartialSuffix);
        Directory.CreateDirectory(folder);
        _log.Information("Backup {Id} to {Target} started", id, target.Root);

        var files = new List<ManifestFile>();
        var sourceProblems = new List<string>();
        var problems = new List<string>();

        // 1. The catalog first: the blobs to copy are the ones this very snapshot refers to.
        var catalogCopy = Path.Combine(folder, "catalog.db");
        store.Catalog.SnapshotTo(catalogCopy);
        files.Add(await DescribeAsync(folder, catalogCopy, cancellationToken).ConfigureAwait(false));
        var referenced = ReferencedBlobs(catalogCopy);

        // 2. Blobs: all for a full set, otherwise only those the medium's current chain lacks.
        var onMedium = full ? [] : chain.SelectMany(s => s.BlobDigests).ToHashSet(StringComparer.Ordinal);
        var toCopy = referenced.Where(d => !onMedium.Contains(d)).ToList();
        progress?.Report($"Sao lưu {id}: {toCopy.Count} tệp mới, {referenced.Count - toCopy.Count} tệp đã có trên phương tiện.");
        var copied = new List<ManifestFile>();
        var copiedCount = 0;
        await Parallel.ForEachAsync(toCopy,
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (hex, ct) =>
            {
                try
                {
                    var file = await CopyBlobAsync(folder, Sha256Digest.Parse(hex), ct).ConfigureAwait(false);
                    store.Crash.Reached(CrashPoint.BackupMidCopy);
                    lock (copied)
                    {
                        copied.Add(file);
                        if (++copiedCount % 1000 == 0) progress?.Report($"  đã chép {copiedCount}/{toCopy.Count} tệp…");
                    }
                }
                catch (Exception e) when (e is BlobCorruptedException or BlobMissingException)
                {
                    // Never copy damage onto the medium: the set goes without it, fixity repairs the
                    // source from an older set, and the next backup copies the repaired blob.
                    File.Delete(Path.Combine(folder, BlobRelativePath(hex).Replace('/', Path.DirectorySeparatorChar)));
                    lock (sourceProblems) sourceProblems.Add(e.Message);
                    _log.Error(e, "Blob {Digest} not backed up", hex);
                }
            }).ConfigureAwait(false);
        files.AddRange(copied.OrderBy(f => f.Path, StringComparer.Ordinal));

        // 3. Trust store and configuration, so that a restored archive validates as this one did.
        foreach (var (source, relative) in TrustAndConfiguration(configurationFiles))
            files.Add(await CopyFileAsync(folder, source, relative, cancellationToken).ConfigureAwait(false));

        // 4. Read every byte back from the medium before calling the set complete.
        progress?.Report($"Sao lưu {id}: kiểm tra lại {files.Count} tệp trên phương tiện…");
        foreach (var file in files)
        {
            var actual = await HashFileAsync(Path.Combine(folder, file.Path), cancellationToken).ConfigureAwait(false);
            if (actual != file.Sha256) problems.Add($"Bản sao '{file.Path}' trên phương tiện không khớp mã băm sau khi ghi.");
        }
        if (problems.Count > 0)
        {
            _log.Error("Backup {Id} to {Target} left incomplete: {Problems}", id, target.Root, problems);
            return new BackupReport(target.Root, id, kind, files.Count, copied.Count, referenced.Count - toCopy.Count,
                files.Sum(f => f.Length), removed, [.. sourceProblems, .. problems], watch.Elapsed, Complete: false);
        }

        var manifest = new BackupManifest(id, kind, now, full ? null : chain[0].Manifest.Id, store.Folder.Root, files);
        await WriteManifestAsync(folder, manifest, cancellationToken).ConfigureAwait(false);
        DurableFile.FlushFileSystemOf(folder);
        Directory.Move(folder, Path.Combine(target.Root, id));
        DurableFile.FlushDirectory(target.Root);
        _log.Information("Backup {Id} to {Target} complete: {Files} files, {Blobs} new blobs", id, target.Root, files.Count, copied.Count);
        return new BackupReport(target.Root, id, kind, files.Count, copied.Count, referenced.Count - toCopy.Count,
            files.Sum(f => f.Length), removed, sourceProblems, watch.Elapsed, Complete: true);
    }

    private IReadOnlyList<string> RemovePartialSets(BackupTarget target)
    {
        var partial = target.PartialFolders();
        foreach (var folder in partial)
        {
            _log.Warning("Removing interrupted backup set {Folder}", folder);
            Directory.Delete(folder, recursive: true);
        }
        return partial.Select(Path.GetFileName).ToList()!;
    }

    private static bool SameMonth(DateTimeOffset a, DateTimeOffset b) => a.Year == b.Year && a.Month == b.Month;

    /// <summary>The blobs a catalog file (a copy, not the live one) records: what a backup keeps and a restore puts back.</summary>
    internal static HashSet<string> ReferencedBlobs(string catalogCopy)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = catalogCopy, ReadOnly = true, Connection = ConnectionType.Direct });
        return db.GetCollection(CatalogMapping.Blobs).FindAll().Select(d => d["_id"].AsString).ToHashSet(StringComparer.Ordinal);
    }

    private IEnumerable<(string Source, string Relative)> TrustAndConfiguration(IReadOnlyList<string> configurationFiles)
    {
        foreach (var (folder, relative) in new[] { (store.Folder.TrustAnchors, "trust/anchors"), (store.Folder.TrustCrls, "trust/crls") })
            if (Directory.Exists(folder))
                foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
                    yield return (file, $"{relative}/{Path.GetFileName(file)}");
        foreach (var file in configurationFiles.Where(File.Exists))
            yield return (file, $"config/{Path.GetFileName(file)}");
    }

    private async Task<ManifestFile> CopyBlobAsync(string folder, Sha256Digest digest, CancellationToken cancellationToken)
    {
        var relative = BlobRelativePath(digest.Hex);
        await using var source = store.Blobs.OpenRead(digest);
        return await WriteAsync(folder, source, relative, cancellationToken).ConfigureAwait(false);
    }

    private static string BlobRelativePath(string hex) => $"{BackupManifest.BlobPrefix}{hex[..2]}/{hex[2..4]}/{hex}";

    private static async Task<ManifestFile> CopyFileAsync(string folder, string sourcePath, string relative, CancellationToken cancellationToken)
    {
        await using var source = new FileStream(sourcePath, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
        return await WriteAsync(folder, source, relative, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ManifestFile> WriteAsync(string folder, Stream source, string relative, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, FileOptions.Asynchronous);
        var (digest, length) = await Sha256Digest.CopyAsync(source, output, BufferSize, cancellationToken).ConfigureAwait(false);
        return new ManifestFile(relative, digest.Hex, length);
    }

    private static async Task<ManifestFile> DescribeAsync(string folder, string path, CancellationToken cancellationToken) =>
        new(Path.GetRelativePath(folder, path).Replace(Path.DirectorySeparatorChar, '/'),
            await HashFileAsync(path, cancellationToken).ConfigureAwait(false), new FileInfo(path).Length);

    internal static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize,
            FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
    }

    private static async Task WriteManifestAsync(string folder, BackupManifest manifest, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, BackupManifest.FileName);
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await JsonSerializer.SerializeAsync(output, manifest, BackupTarget.ManifestJson, cancellationToken).ConfigureAwait(false);
        output.Flush(flushToDisk: true);
    }
}
