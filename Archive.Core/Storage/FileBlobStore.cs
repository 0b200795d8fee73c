using Serilog;

namespace Archive.Core.Storage;

/// <summary>
/// Blobs as files under <c>blobs/sha256/ab/cd/&lt;hex&gt;</c>. A write goes to a temporary file in
/// <c>blobs/tmp</c>, is flushed to disk, renamed into place and its directory flushed: a reader never
/// sees a partial blob, and a crash leaves at most a temporary file that the next start removes.
/// </summary>
public sealed class FileBlobStore : IBlobStore
{
    private const int BufferSize = 1 << 20;
    private readonly string _root;
    private readonly string _temp;
    private readonly CrashPoint _crash;
    private readonly ILogger _log;

    public FileBlobStore(string blobsFolder, CrashPoint crash, ILogger log)
    {
        _root = Path.Combine(Path.GetFullPath(blobsFolder), "sha256");
        _temp = Path.Combine(Path.GetFullPath(blobsFolder), "tmp");
        _crash = crash;
        _log = log.ForContext<FileBlobStore>();
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_temp);
    }

    /// <summary>Temporary files left by writes that never finished (a crash, a kill).</summary>
    public IReadOnlyList<string> AbandonedWrites() => Directory.GetFiles(_temp);

    /// <summary>Deletes abandoned temporary files; call only when no write is in progress (at start), or, on a folder several
    /// nodes share, with an age no write in progress reaches.</summary>
    public int RemoveAbandonedWrites(TimeSpan untouchedFor = default)
    {
        var before = DateTime.UtcNow - untouchedFor;
        var abandoned = AbandonedWrites().Where(file => untouchedFor == default || File.GetLastWriteTimeUtc(file) < before).ToList();
        foreach (var file in abandoned)
        {
            _log.Warning("Removing abandoned partial blob write {TempFile}", file);
            File.Delete(file);
        }
        return abandoned.Count;
    }

    /// <summary>Deletes a blob not written or stored again since <paramref name="before"/>; false when it was.</summary>
    public bool RemoveIfUntouchedSince(Sha256Digest digest, DateTime before)
    {
        var path = PathOf(digest);
        if (!File.Exists(path) || File.GetLastWriteTimeUtc(path) >= before) return false;
        _log.Warning("Removing orphan blob {Digest}, which no catalog record refers to", digest);
        File.Delete(path);
        return true;
    }

    public async Task<StoredBlob> PutAsync(Stream content, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(_temp, $"{Guid.NewGuid():N}.part");
        try
        {
            var (digest, length) = await WriteTempAsync(content, tempPath, cancellationToken).ConfigureAwait(false);
            _crash.Reached(CrashPoint.BlobBeforeRename);

            var finalPath = PathOf(digest);
            try
            {
                MoveIntoPlace(tempPath, finalPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(finalPath))
            {
                // Same bytes already stored, perhaps a moment ago by a concurrent write (two documents with the same
                // text): write-once means the existing file is kept. No check before the move: it would race. Its time is
                // made now: a file left over by an interrupted write, about to be referenced again, is not taken for an
                // orphan to collect (CollectOrphans spares what was touched lately).
                File.Delete(tempPath);
                File.SetLastWriteTimeUtc(finalPath, DateTime.UtcNow);
                return new StoredBlob(digest, length);
            }
            _log.Debug("Stored blob {Digest} ({Length} bytes)", digest, length);
            return new StoredBlob(digest, length);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    public async Task RepairAsync(Sha256Digest digest, Stream goodCopy, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(_temp, $"{Guid.NewGuid():N}.repair");
        try
        {
            var (actual, _) = await WriteTempAsync(goodCopy, tempPath, cancellationToken).ConfigureAwait(false);
            if (actual != digest)
                throw new BlobCorruptedException(digest, actual, tempPath);
            MoveIntoPlace(tempPath, PathOf(digest), overwrite: true);
            _log.Warning("Repaired blob {Digest} from a good copy", digest);
        }
        catch
        {
            TryDelete(tempPath);
            throw;
        }
    }

    public string Location(Sha256Digest digest) => PathOf(digest);

    private async Task<(Sha256Digest Digest, long Length)> WriteTempAsync(Stream content, string tempPath, CancellationToken cancellationToken)
    {
        await using var output = new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize,
            FileOptions.Asynchronous);
        var copied = await Sha256Digest.CopyAsync(content, output, BufferSize, cancellationToken, () => _crash.Reached(CrashPoint.BlobMidWrite))
            .ConfigureAwait(false);
        output.Flush(flushToDisk: true);
        return copied;
    }

    private static void MoveIntoPlace(string tempPath, string finalPath, bool overwrite)
    {
        var folder = Path.GetDirectoryName(finalPath)!;
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(tempPath, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.Move(tempPath, finalPath, overwrite);
        DurableFile.FlushDirectory(folder);
    }

    public bool Exists(Sha256Digest digest) => File.Exists(PathOf(digest));

    public void Remove(Sha256Digest digest)
    {
        var path = PathOf(digest);
        if (!File.Exists(path)) return;
        File.Delete(path);
        DurableFile.FlushDirectory(Path.GetDirectoryName(path)!);
    }

    public Stream OpenRead(Sha256Digest digest)
    {
        var path = PathOf(digest);
        if (!File.Exists(path)) throw new BlobMissingException(digest, path);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        return new VerifyingReadStream(file, digest, path);
    }

    public async Task VerifyAsync(Sha256Digest digest, CancellationToken cancellationToken)
    {
        await using var stream = OpenRead(digest);
        await stream.CopyToAsync(Stream.Null, BufferSize, cancellationToken).ConfigureAwait(false);
    }

    public IEnumerable<Sha256Digest> Enumerate()
    {
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
            if (Sha256Digest.TryParse(Path.GetFileName(file), out var digest) && PathOf(digest) == file)
                yield return digest;
    }

    /// <summary>Where a blob lives; public so that tests and repair tools can reach the bytes.</summary>
    public string PathOf(Sha256Digest digest)
    {
        var hex = digest.Hex;
        return Path.Combine(_root, hex[..2], hex[2..4], hex);
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException e)
        {
            _log.Warning(e, "Could not delete temporary file {TempFile}", path);
        }
    }
}
