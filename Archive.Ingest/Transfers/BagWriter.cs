using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Archive.Core.Application;
using Archive.Core.Storage;

namespace Archive.Ingest.Transfers;

/// <summary>
/// Writes a BagIt 1.0 bag (RFC 8493) with SHA-256 and SHA-512 manifests and tag manifests, streaming: each payload file is
/// hashed while it is written, so memory does not grow with the bag. Everything goes into "&lt;bag&gt;.partial", which becomes
/// the bag only once complete and flushed to disk: a crash never leaves a folder that looks like a finished bag. A journal in the
/// partial folder lists the files already written; reopening the same bag after a crash keeps those (re-read, not copied again)
/// and removes anything written after the last journal line.
/// </summary>
public sealed class BagWriter : IDisposable
{
    public const string PartialSuffix = ".partial";
    private const string JournalFile = "bag-writer.journal";
    private const int BufferSize = 1 << 20;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private readonly Dictionary<string, Entry> _written = new(StringComparer.Ordinal);
    private readonly StreamWriter _journal;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    private BagWriter(string bag, string partial, StreamWriter journal, Dictionary<string, Entry> kept)
    {
        Bag = bag;
        Partial = partial;
        _journal = journal;
        _written = kept;
        Kept = kept.Count;
    }

    /// <summary>The bag's final folder.</summary>
    public string Bag { get; }

    /// <summary>Where it is written until complete.</summary>
    public string Partial { get; }

    /// <summary>Payload files kept from an interrupted earlier run.</summary>
    public int Kept { get; }

    /// <summary>Starts the bag, or resumes it after an interrupted run. Refuses a bag that already exists.</summary>
    public static async Task<BagWriter> OpenAsync(string bag, CancellationToken cancellationToken)
    {
        var final = Path.GetFullPath(bag).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(final) || File.Exists(final))
            throw new InvalidRequestException($"'{final}' đã có; chọn một thư mục mới cho gói.");
        var partial = final + PartialSuffix;
        Directory.CreateDirectory(Path.Combine(partial, BagPath.PayloadFolder));
        var journalPath = Path.Combine(partial, JournalFile);
        var kept = await ResumeAsync(partial, journalPath, cancellationToken).ConfigureAwait(false);
        var journal = new StreamWriter(new FileStream(journalPath, FileMode.Append, FileAccess.Write, FileShare.Read), Utf8);
        return new BagWriter(final, partial, journal, kept);
    }

    /// <summary>True when an interrupted earlier run already wrote this payload file (then it is not written again).</summary>
    public bool Has(string payloadPath)
    {
        lock (_gate) return _written.ContainsKey(Payload(payloadPath));
    }

    /// <summary>
    /// Writes one payload file at <paramref name="payloadPath"/> (relative to data/). When <paramref name="knownSha256"/> is given
    /// the content stream must itself prove it (a blob's stream does, at its end), and only SHA-512 is computed here.
    /// Safe to call for different files at once. Blocking on purpose: each of the export's workers copies one file at a time, and
    /// blocking reads and writes ran the export 15–30% faster than asynchronous file I/O, which hops between thread-pool threads
    /// for every megabyte (bench/transfer.sh).
    /// </summary>
    public void Add(string payloadPath, Stream content, Sha256Digest? knownSha256, CancellationToken cancellationToken)
    {
        var path = Payload(payloadPath);
        if (BagPath.Problem(path) is { } problem) throw new InvalidRequestException($"Tên tệp trong gói '{path}': {problem}.");
        lock (_gate)
            if (_written.ContainsKey(path)) return;
        var file = Path.Combine(Partial, path);
        var folder = Path.GetDirectoryName(file)!;
        if (_folders.TryAdd(folder, 0)) Directory.CreateDirectory(folder);
        using var sha256 = knownSha256 is null ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        using var sha512 = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        long length = 0;
        // A pooled buffer: one fresh megabyte per file would fill the large object heap and make the collector run for nothing.
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0);
            int read;
            while ((read = content.Read(buffer, 0, BufferSize)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                output.Write(buffer, 0, read);
                sha256?.AppendData(buffer, 0, read);
                sha512.AppendData(buffer, 0, read);
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var entry = new Entry(knownSha256?.Hex ?? Convert.ToHexStringLower(sha256!.GetHashAndReset()),
            Convert.ToHexStringLower(sha512.GetHashAndReset()), length);
        lock (_gate)
        {
            _written[path] = entry;
            _journal.Write($"{entry.Sha256} {entry.Sha512} {length.ToString(CultureInfo.InvariantCulture)} {BagPath.Encode(path)}\n");
            _journal.Flush();
        }
    }

    /// <summary>
    /// Writes the manifests, the declaration, bag-info.txt (with Payload-Oxum and Bag-Size added) and the tag manifests,
    /// flushes everything to disk and only then gives the bag its name.
    /// </summary>
    public BagSummary Complete(BagInfo info)
    {
        lock (_gate)
        {
            _journal.Dispose();
            var octets = _written.Values.Sum(e => e.Length);
            var ordered = _written.OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
            WriteTag("manifest-sha256.txt", Manifest(ordered.Select(e => (e.Value.Sha256, e.Key))));
            WriteTag("manifest-sha512.txt", Manifest(ordered.Select(e => (e.Value.Sha512, e.Key))));
            WriteTag(BagVerifier.DeclarationFile, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
            var elements = info.Elements.Where(e => !IsComputed(e.Key)).ToList();
            elements.Add(new(BagInfo.PayloadOxum, $"{octets.ToString(CultureInfo.InvariantCulture)}.{_written.Count}"));
            elements.Add(new(BagInfo.BagSize, Size(octets)));
            WriteTag(BagInfo.FileName, new BagInfo(elements).Write());
            string[] tags = [BagVerifier.DeclarationFile, BagInfo.FileName, "manifest-sha256.txt", "manifest-sha512.txt"];
            foreach (var (name, algorithm) in new[] { ("tagmanifest-sha256.txt", HashAlgorithmName.SHA256),
                         ("tagmanifest-sha512.txt", HashAlgorithmName.SHA512) })
                WriteTag(name, Manifest(tags.Select(t => (Convert.ToHexStringLower(HashTag(t, algorithm)), t))));
            File.Delete(Path.Combine(Partial, JournalFile));
            DurableFile.FlushFileSystemOf(Partial);
            Directory.Move(Partial, Bag);
            DurableFile.FlushDirectory(Path.GetDirectoryName(Bag)!);
            return new BagSummary(Bag, _written.Count, octets, new BagInfo(elements));
        }
    }

    public void Dispose() => _journal.Dispose();

    private static string Payload(string payloadPath) => BagPath.PayloadPrefix + payloadPath.Replace('\\', '/').TrimStart('/');

    private static bool IsComputed(string label) =>
        string.Equals(label, BagInfo.PayloadOxum, StringComparison.OrdinalIgnoreCase)
        || string.Equals(label, BagInfo.BagSize, StringComparison.OrdinalIgnoreCase);

    private static string Manifest(IEnumerable<(string Hex, string Path)> entries) =>
        string.Concat(entries.Select(e => $"{e.Hex}  {BagPath.Encode(e.Path)}\n"));

    private void WriteTag(string name, string text) => File.WriteAllText(Path.Combine(Partial, name), text, Utf8);

    private byte[] HashTag(string name, HashAlgorithmName algorithm)
    {
        using var hash = IncrementalHash.CreateHash(algorithm);
        hash.AppendData(File.ReadAllBytes(Path.Combine(Partial, name)));
        return hash.GetHashAndReset();
    }

    private static string Size(long octets) => octets switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{octets / (double)(1L << 30):0.##} GB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{octets / (double)(1L << 20):0.##} MB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{octets / (double)(1L << 10):0.##} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{octets} bytes"),
    };

    /// <summary>
    /// The files an interrupted run finished, as its journal lists them, each read back against its SHA-256; the rest of data/
    /// (files begun after the last journal line, or damaged since) is removed to be written again.
    /// </summary>
    private static async Task<Dictionary<string, Entry>> ResumeAsync(string partial, string journalPath,
        CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (File.Exists(journalPath))
        {
            foreach (var line in await File.ReadAllLinesAsync(journalPath, Utf8, cancellationToken).ConfigureAwait(false))
            {
                var parts = line.Split(' ', 4);
                if (parts.Length != 4 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                    continue; // the last line of a run killed while writing it
                var path = BagPath.Decode(parts[3]);
                var file = Path.Combine(partial, path);
                if (BagPath.Problem(path) is not null || !File.Exists(file) || new FileInfo(file).Length != length) continue;
                var actual = await BagVerifier.ChecksumsAsync(file, [ChecksumAlgorithm.Sha256], cancellationToken).ConfigureAwait(false);
                if (actual[ChecksumAlgorithm.Sha256] == parts[0]) kept[path] = new Entry(parts[0], parts[1], length);
            }
        }
        var data = Path.Combine(partial, BagPath.PayloadFolder);
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
            if (!kept.ContainsKey(Path.GetRelativePath(partial, file).Replace(Path.DirectorySeparatorChar, '/')))
                File.Delete(file);
        // Rewrite the journal with what was kept, so a torn last line cannot follow a good one.
        await File.WriteAllTextAsync(journalPath, string.Concat(kept.Select(e =>
                $"{e.Value.Sha256} {e.Value.Sha512} {e.Value.Length.ToString(CultureInfo.InvariantCulture)} {BagPath.Encode(e.Key)}\n")),
            Utf8, cancellationToken).ConfigureAwait(false);
        return kept;
    }

    private sealed record Entry(string Sha256, string Sha512, long Length);
}
