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
/// hashed while it is written and its line goes to a journal on disk, from which the manifests are written at the end: memory
/// does not grow with the bag's size (only with the files kept from an interrupted run). Everything goes into "&lt;bag&gt;.partial", which becomes
/// the bag only once complete and flushed to disk: a crash never leaves a folder that looks like a finished bag. A journal in the
/// partial folder lists the files already written; reopening the same bag after a crash keeps those (re-read, not copied again)
/// and removes anything written after the last journal line.
/// </summary>
public sealed class BagWriter : IDisposable
{
    public const string PartialSuffix = ".partial";
    private const string JournalFile = "bag-writer.journal";
    private const string StartedFile = "bag-writer.started";
    private const int BufferSize = 1 << 20;
    private static readonly Encoding Utf8 = new UTF8Encoding(false);

    private const int FolderCacheSize = 10_000;
    private readonly HashSet<string> _kept;
    private readonly StreamWriter _journal;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    private long _files;
    private long _octets;

    private BagWriter(string bag, string partial, StreamWriter journal, HashSet<string> kept, long keptOctets, DateTimeOffset started)
    {
        Started = started;
        Bag = bag;
        Partial = partial;
        _journal = journal;
        _kept = kept;
        Kept = kept.Count;
        _files = kept.Count;
        _octets = keptOctets;
    }

    /// <summary>The bag's final folder.</summary>
    public string Bag { get; }

    /// <summary>Where it is written until complete.</summary>
    public string Partial { get; }

    /// <summary>When the bag was begun: by this run, or by the interrupted run it resumes (the package keeps its name).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>Payload files kept from an interrupted earlier run.</summary>
    public int Kept { get; }

    /// <summary>Starts the bag, or resumes it after an interrupted run. Refuses a bag that already exists.</summary>
    public static async Task<BagWriter> OpenAsync(string bag, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var final = Path.GetFullPath(bag).TrimEnd(Path.DirectorySeparatorChar);
        if (Directory.Exists(final) || File.Exists(final))
            throw new InvalidRequestException($"'{final}' đã có; chọn một thư mục mới cho gói.");
        var partial = final + PartialSuffix;
        Directory.CreateDirectory(Path.Combine(partial, BagPath.PayloadFolder));
        var journalPath = Path.Combine(partial, JournalFile);
        var startedPath = Path.Combine(partial, StartedFile);
        if (!File.Exists(startedPath)) await File.WriteAllTextAsync(startedPath, now.ToString("O", CultureInfo.InvariantCulture),
            cancellationToken).ConfigureAwait(false);
        var started = DateTimeOffset.TryParse(await File.ReadAllTextAsync(startedPath, cancellationToken).ConfigureAwait(false),
            CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : now;
        var (kept, octets) = await ResumeAsync(partial, journalPath, cancellationToken).ConfigureAwait(false);
        var journal = new StreamWriter(new FileStream(journalPath, FileMode.Append, FileAccess.Write, FileShare.Read), Utf8);
        return new BagWriter(final, partial, journal, kept, octets, started);
    }

    /// <summary>True when an interrupted earlier run already wrote this payload file (then it is not written again).</summary>
    public bool Has(string payloadPath)
    {
        lock (_gate) return _kept.Contains(Payload(payloadPath));
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
            if (_kept.Contains(path)) return;
        var file = Path.Combine(Partial, path);
        var folder = Path.GetDirectoryName(file)!;
        // Created before it is remembered: another worker that finds it remembered may write into it at once.
        if (!_folders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder);
            if (_folders.Count >= FolderCacheSize) _folders.Clear();
            _folders.TryAdd(folder, 0);
        }
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
            DurableFile.StartWriteback(output.SafeFileHandle);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        var entry = new Entry(knownSha256?.Hex ?? Convert.ToHexStringLower(sha256!.GetHashAndReset()),
            Convert.ToHexStringLower(sha512.GetHashAndReset()), length, path);
        lock (_gate)
        {
            _journal.Write(entry.Line());
            _journal.Flush();
            _files++;
            _octets += length;
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
            WriteManifests();
            WriteTag(BagVerifier.DeclarationFile, "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
            var elements = info.Elements.Where(e => !IsComputed(e.Key)).ToList();
            elements.Add(new(BagInfo.PayloadOxum, string.Create(CultureInfo.InvariantCulture, $"{_octets}.{_files}")));
            elements.Add(new(BagInfo.BagSize, Size(_octets)));
            WriteTag(BagInfo.FileName, new BagInfo(elements).Write());
            string[] tags = [BagVerifier.DeclarationFile, BagInfo.FileName, "manifest-sha256.txt", "manifest-sha512.txt"];
            foreach (var (name, algorithm) in new[] { ("tagmanifest-sha256.txt", HashAlgorithmName.SHA256),
                         ("tagmanifest-sha512.txt", HashAlgorithmName.SHA512) })
                WriteTag(name, Manifest(tags.Select(t => (Convert.ToHexStringLower(HashTag(t, algorithm)), t))));
            File.Delete(Path.Combine(Partial, JournalFile));
            File.Delete(Path.Combine(Partial, StartedFile));
            DurableFile.FlushFileSystemOf(Partial);
            Directory.Move(Partial, Bag);
            DurableFile.FlushDirectory(Path.GetDirectoryName(Bag)!);
            return new BagSummary(Bag, _files, _octets, new BagInfo(elements));
        }
    }

    public void Dispose() => _journal.Dispose();

    private static string Payload(string payloadPath) => BagPath.PayloadPrefix + payloadPath.Replace('\\', '/').TrimStart('/');

    private static bool IsComputed(string label) =>
        string.Equals(label, BagInfo.PayloadOxum, StringComparison.OrdinalIgnoreCase)
        || string.Equals(label, BagInfo.BagSize, StringComparison.OrdinalIgnoreCase);

    /// <summary>The two payload manifests, line by line from the journal (one line per file written, kept ones first).</summary>
    private void WriteManifests()
    {
        using var sha256 = new StreamWriter(Path.Combine(Partial, "manifest-sha256.txt"), false, Utf8);
        using var sha512 = new StreamWriter(Path.Combine(Partial, "manifest-sha512.txt"), false, Utf8);
        foreach (var line in File.ReadLines(Path.Combine(Partial, JournalFile), Utf8))
            if (Entry.Parse(line) is { } entry)
            {
                sha256.Write($"{entry.Sha256}  {BagPath.Encode(entry.Path)}\n");
                sha512.Write($"{entry.Sha512}  {BagPath.Encode(entry.Path)}\n");
            }
    }

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
    private static async Task<(HashSet<string> Kept, long Octets)> ResumeAsync(string partial, string journalPath,
        CancellationToken cancellationToken)
    {
        var kept = new List<Entry>();
        if (File.Exists(journalPath))
        {
            foreach (var line in File.ReadLines(journalPath, Utf8))
            {
                // A torn last line (a run killed while writing it) does not parse and its file is written again.
                if (Entry.Parse(line) is not { } entry || BagPath.Problem(entry.Path) is not null) continue;
                var file = Path.Combine(partial, entry.Path);
                if (!File.Exists(file) || new FileInfo(file).Length != entry.Length) continue;
                var actual = await BagVerifier.ChecksumsAsync(file, [ChecksumAlgorithm.Sha256], cancellationToken).ConfigureAwait(false);
                if (actual[ChecksumAlgorithm.Sha256] == entry.Sha256) kept.Add(entry);
            }
        }
        var paths = kept.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        var data = Path.Combine(partial, BagPath.PayloadFolder);
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
            if (!paths.Contains(Path.GetRelativePath(partial, file).Replace(Path.DirectorySeparatorChar, '/')))
                File.Delete(file);
        // Rewrite the journal with what was kept, so a torn last line cannot follow a good one.
        await File.WriteAllTextAsync(journalPath, string.Concat(kept.Select(e => e.Line())), Utf8, cancellationToken).ConfigureAwait(false);
        return (paths, kept.Sum(e => e.Length));
    }

    /// <summary>A journal line: both checksums, the length and the (percent-encoded) path of a payload file written whole.</summary>
    private sealed record Entry(string Sha256, string Sha512, long Length, string Path)
    {
        public string Line() => string.Create(CultureInfo.InvariantCulture, $"{Sha256} {Sha512} {Length} {BagPath.Encode(Path)}\n");

        public static Entry? Parse(string line)
        {
            var parts = line.Split(' ', 4);
            return parts.Length == 4 && parts[0].Length == 64 && parts[1].Length == 128
                   && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                ? new Entry(parts[0], parts[1], length, BagPath.Decode(parts[3]))
                : null;
        }
    }
}
