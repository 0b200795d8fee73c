using System.IO.Compression;
using Archive.Ingest.Formats;

namespace Archive.Ingest.Exchange;

/// <summary>
/// Opens a ZIP package into a private folder: every file entry is written under a name of ours inside
/// that folder (an entry named with "..", an absolute path or a drive letter never escapes it, and is
/// returned with the reason), and no more is inflated than the limits allow, counting what is actually
/// written, since the sizes a ZIP declares can lie.
/// </summary>
public static class ZipPackageReader
{
    private const int MaxMetadataBytes = 1 << 20;

    /// <exception cref="ZipPackageException">The package as a whole cannot be opened within the limits.</exception>
    public static async Task<ZipPackage> ExtractAsync(string zipPath, string folder, ZipLimits limits, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(folder) + Path.DirectorySeparatorChar;
        var entries = new List<ZipPackageEntry>();
        string? metadata = null;
        long written = 0;
        try
        {
            await using var zip = await ZipFile.OpenReadAsync(zipPath, cancellationToken).ConfigureAwait(false);
            if (zip.Entries.Count > limits.MaxEntries)
                throw new ZipPackageException($"Gói ZIP có {zip.Entries.Count} mục, quá giới hạn {limits.MaxEntries}.");
            foreach (var entry in zip.Entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entryName = entry.FullName.Replace('\\', '/');
                if (entryName.EndsWith('/')) continue; // a folder: its files come as entries of their own
                if (entryName == ZipPackage.MetadataEntry)
                {
                    if (entry.Length > MaxMetadataBytes)
                        throw new ZipPackageException($"Tệp {ZipPackage.MetadataEntry} trong gói ZIP lớn hơn 1 MB: không phải siêu dữ liệu.");
                    using var reader = new StreamReader(await entry.OpenAsync(cancellationToken).ConfigureAwait(false));
                    metadata = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var index = entries.Count + 1;
                var name = SafeName(entryName, index);
                var target = Path.GetFullPath(Path.Combine(root, index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture), name));
                if (!target.StartsWith(root, StringComparison.Ordinal))
                    throw new InvalidOperationException($"Extraction path {target} is outside {root}."); // cannot happen: our own names
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                written += await CopyBoundedAsync(entry, target, limits.MaxTotalBytes - written, cancellationToken).ConfigureAwait(false);
                entries.Add(new ZipPackageEntry(entry.FullName, target, name, UnsafeNameProblem(entry.FullName)));
            }
        }
        catch (InvalidDataException e)
        {
            throw new ZipPackageException($"Gói ZIP hỏng, không giải nén được: {e.Message}", e);
        }
        return new ZipPackage(entries, metadata);
    }

    /// <summary>Why the entry's name is refused: it would point outside the folder it is unpacked into.</summary>
    public static string? UnsafeNameProblem(string entryName)
    {
        var normalised = entryName.Replace('\\', '/');
        if (normalised.Split('/').Any(segment => segment == ".."))
            return $"Mục '{entryName}' của gói ZIP có '..' trong đường dẫn (trỏ ra ngoài thư mục giải nén): không nhận.";
        if (normalised.StartsWith('/'))
            return $"Mục '{entryName}' của gói ZIP có đường dẫn tuyệt đối: không nhận.";
        if (normalised.Length >= 2 && char.IsAsciiLetter(normalised[0]) && normalised[1] == ':')
            return $"Mục '{entryName}' của gói ZIP có ký tự ổ đĩa ({normalised[..2]}): không nhận.";
        return null;
    }

    /// <summary>The last part of the entry's path, without characters a file name cannot hold.</summary>
    private static string SafeName(string entryName, int index)
    {
        var name = new string(entryName[(entryName.LastIndexOf('/') + 1)..].Where(c => !char.IsControl(c) && c != ':').ToArray()).Trim();
        return name is "" or "." or ".." ? $"muc-{index}" : name;
    }

    /// <returns>The bytes written.</returns>
    private static async Task<long> CopyBoundedAsync(ZipArchiveEntry entry, string target, long remaining, CancellationToken cancellationToken)
    {
        if (entry.Length > remaining)
            throw new ZipPackageException($"Gói ZIP giải nén ra quá giới hạn dung lượng (mục '{entry.FullName}'): nghi là bom nén (zip bomb).");
        await using var source = await entry.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var output = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
            // More than the directory declared: the sizes lie, as a bomb's do.
            if (total > entry.Length || total > remaining)
                throw new ZipPackageException($"Mục '{entry.FullName}' của gói ZIP giải nén ra nhiều hơn kích thước khai báo: nghi là bom nén (zip bomb).");
            await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }
        return total;
    }
}
