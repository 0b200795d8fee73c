using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;
using Serilog;

namespace Archive.Ingest.Transfers;

/// <summary>
/// Checks a bag against RFC 8493, whoever made it: the declaration, every manifest (known algorithm, well-formed lines, paths
/// inside the bag), completeness both ways (every payload file listed in every payload manifest, every listed file present),
/// Payload-Oxum, then every checksum, each file read once for all its algorithms. Structural problems are reported before any
/// content is read; nothing is followed outside the bag (symbolic links are refused) and the folder walk stops at
/// <see cref="MaxDepth"/> levels.
/// </summary>
public sealed partial class BagVerifier(ILogger log)
{
    public const string DeclarationFile = "bagit.txt";
    public const string FetchFile = "fetch.txt";
    public const int MaxDepth = 64;
    private const int BufferSize = 1 << 20;
    private static readonly string[] Versions = ["0.97", "1.0"];
    private readonly ILogger _log = log.ForContext<BagVerifier>();

    public async Task<BagVerification> VerifyAsync(string bag, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(bag);
        var problems = new List<string>();
        if (!Directory.Exists(root))
            return Result(bag, [$"Không có thư mục gói '{bag}'."], null, [], new Tree(), BagInfo.Empty);

        var (version, encoding) = ReadDeclaration(root, problems);
        var tree = Walk(root, problems);
        if (version is null || encoding is null || problems.Count > 0)
            return Result(bag, problems, version, [], tree, BagInfo.Empty);
        if (!Directory.Exists(Path.Combine(root, BagPath.PayloadFolder)))
            problems.Add("Thiếu thư mục data/ chứa tài liệu của gói.");

        var infoPath = Path.Combine(root, BagInfo.FileName);
        var info = File.Exists(infoPath) ? BagInfo.Parse(ReadLines(infoPath, encoding), problems) : BagInfo.Empty;
        var payload = ReadManifests(root, "manifest-", encoding, problems);
        var tags = ReadManifests(root, "tagmanifest-", encoding, problems);
        if (payload.Count == 0 && problems.Count == 0)
            problems.Add("Gói không có tệp manifest nào (manifest-sha256.txt, manifest-sha512.txt, …).");
        CheckCompleteness(root, tree, payload, tags, encoding, problems);
        CheckOxum(info, tree, problems);
        var algorithms = payload.Keys.Concat(tags.Keys).Select(a => a.Name).Distinct().ToList();
        if (problems.Count > 0)
            return Result(bag, problems, version, algorithms, tree, info);

        await CheckChecksumsAsync(root, payload, tags, problems, progress, cancellationToken).ConfigureAwait(false);
        _log.Information("Bag {Bag} checked: {Files} payload files, {Bytes} bytes, {Problems} problems",
            root, tree.PayloadFiles.Count, tree.PayloadBytes, problems.Count);
        return Result(bag, problems, version, algorithms, tree, info);
    }

    private static BagVerification Result(string bag, List<string> problems, string? version, IReadOnlyList<string> algorithms, Tree tree,
        BagInfo info) =>
        new(bag, problems, version, algorithms, tree.PayloadFiles.Count, tree.PayloadBytes, info);

    private static (string? Version, Encoding? Encoding) ReadDeclaration(string root, List<string> problems)
    {
        var path = Path.Combine(root, DeclarationFile);
        if (!File.Exists(path))
        {
            problems.Add("Thiếu tệp bagit.txt (khai báo gói BagIt).");
            return (null, null);
        }
        var bytes = File.ReadAllBytes(path);
        if (bytes.AsSpan().StartsWith("\uFEFF"u8))
        {
            problems.Add("bagit.txt không được bắt đầu bằng dấu BOM (RFC 8493 §2.1.1).");
            return (null, null);
        }
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            problems.Add("bagit.txt không phải văn bản UTF-8.");
            return (null, null);
        }
        var lines = SplitLines(text).Where(l => l.Length > 0).ToList();
        var version = lines.Count == 2 ? DeclarationVersion().Match(lines[0]) : Match.Empty;
        var encodingLine = lines.Count == 2 ? DeclarationEncoding().Match(lines[1]) : Match.Empty;
        if (!version.Success || !encodingLine.Success)
        {
            problems.Add("bagit.txt sai định dạng: phải có đúng hai dòng 'BagIt-Version: M.N' và 'Tag-File-Character-Encoding: …', " +
                         "không thừa khoảng trắng.");
            return (null, null);
        }
        var number = version.Groups[1].Value;
        if (!Versions.Contains(number))
        {
            problems.Add($"Phiên bản BagIt {number} không được hỗ trợ (chỉ {string.Join(", ", Versions)}).");
            return (number, null);
        }
        try
        {
            return (number, Encoding.GetEncoding(encodingLine.Groups[1].Value));
        }
        catch (ArgumentException)
        {
            problems.Add($"Bảng mã tệp thẻ '{encodingLine.Groups[1].Value}' khai báo trong bagit.txt không được hỗ trợ.");
            return (number, null);
        }
    }

    private Tree Walk(string root, List<string> problems)
    {
        var tree = new Tree();
        var pending = new Stack<(DirectoryInfo Folder, string Relative, int Depth)>();
        pending.Push((new DirectoryInfo(root), "", 0));
        while (pending.Count > 0)
        {
            var (folder, relative, depth) = pending.Pop();
            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                var path = relative.Length == 0 ? entry.Name : $"{relative}/{entry.Name}";
                if (entry.LinkTarget is not null)
                    problems.Add($"'{path}' là liên kết tượng trưng; gói không được trỏ ra ngoài chính nó.");
                else if (entry is DirectoryInfo directory)
                {
                    if (depth + 1 > MaxDepth)
                    {
                        problems.Add($"Cây thư mục của gói sâu quá {MaxDepth} cấp (tại '{Shorten(path)}').");
                        _log.Warning("Bag folder tree deeper than {Depth} levels at {Path}", MaxDepth, Shorten(path));
                        return tree;
                    }
                    pending.Push((directory, path, depth + 1));
                }
                else if (entry is FileInfo file)
                {
                    tree.Files[path] = file.Length;
                    if (!BagPath.IsPayload(path)) continue;
                    tree.PayloadFiles.Add(path);
                    tree.PayloadBytes += file.Length;
                }
                else problems.Add($"'{path}' không phải tệp thường.");
            }
        }
        return tree;
    }

    private static Dictionary<ChecksumAlgorithm, Dictionary<string, string>> ReadManifests(string root, string prefix, Encoding encoding,
        List<string> problems)
    {
        var manifests = new Dictionary<ChecksumAlgorithm, Dictionary<string, string>>();
        foreach (var file in Directory.EnumerateFiles(root, prefix + "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            var algorithmName = name[prefix.Length..^4];
            if (!ChecksumAlgorithm.TryGet(algorithmName, out var algorithm))
            {
                problems.Add($"{name}: thuật toán '{algorithmName}' không được hỗ trợ (chỉ " +
                             $"{string.Join(", ", ChecksumAlgorithm.All.Select(a => a.Name))}).");
                continue;
            }
            var entries = new Dictionary<string, string>(StringComparer.Ordinal);
            var number = 0;
            foreach (var line in ReadLines(file, encoding))
            {
                number++;
                if (line.Length == 0) continue;
                var match = ManifestLine().Match(line);
                if (!match.Success || match.Groups[1].Value.Length != algorithm.HexLength)
                {
                    problems.Add($"{name} dòng {number}: không đúng dạng '<mã {algorithm.Name}> <đường dẫn>'.");
                    continue;
                }
                var path = BagPath.Decode(match.Groups[2].Value);
                if (BagPath.Problem(path) is { } problem)
                    problems.Add($"{name} dòng {number}: '{Shorten(path)}': {problem}.");
                else if (!entries.TryAdd(path, match.Groups[1].Value.ToLowerInvariant()))
                    problems.Add($"{name}: '{Shorten(path)}' được liệt kê hai lần.");
            }
            manifests[algorithm] = entries;
        }
        return manifests;
    }

    private static void CheckCompleteness(string root, Tree tree, Dictionary<ChecksumAlgorithm, Dictionary<string, string>> payload,
        Dictionary<ChecksumAlgorithm, Dictionary<string, string>> tags, Encoding encoding, List<string> problems)
    {
        var fetched = FetchedPaths(root, encoding, problems);
        foreach (var (algorithm, entries) in payload)
        {
            var name = $"manifest-{algorithm.Name}.txt";
            foreach (var path in entries.Keys)
            {
                if (!BagPath.IsPayload(path))
                    problems.Add($"{name}: '{Shorten(path)}' không nằm trong data/.");
                else if (!tree.Files.ContainsKey(path))
                    problems.Add(fetched.Contains(path)
                        ? $"Gói chưa đầy đủ: '{Shorten(path)}' phải được tải về theo fetch.txt."
                        : $"Thiếu tệp '{Shorten(path)}' (có trong {name}).");
            }
            foreach (var path in tree.PayloadFiles.Where(p => !entries.ContainsKey(p)))
                problems.Add($"Tệp thừa '{Shorten(path)}': có trong data/ nhưng không có trong {name}.");
        }
        foreach (var (algorithm, entries) in tags)
        {
            var name = $"tagmanifest-{algorithm.Name}.txt";
            foreach (var path in entries.Keys)
            {
                if (BagPath.IsPayload(path)) problems.Add($"{name}: '{Shorten(path)}' là tệp tài liệu, không phải tệp thẻ.");
                else if (!tree.Files.ContainsKey(path)) problems.Add($"Thiếu tệp thẻ '{Shorten(path)}' (có trong {name}).");
            }
        }
    }

    private static HashSet<string> FetchedPaths(string root, Encoding encoding, List<string> problems)
    {
        var path = Path.Combine(root, FetchFile);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return paths;
        foreach (var line in ReadLines(path, encoding).Where(l => l.Length > 0))
        {
            var parts = line.Split([' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 3) paths.Add(BagPath.Decode(parts[2]));
            else problems.Add("fetch.txt: dòng không đúng dạng '<URL> <độ dài> <đường dẫn>'.");
        }
        return paths;
    }

    private static void CheckOxum(BagInfo info, Tree tree, List<string> problems)
    {
        if (info[BagInfo.PayloadOxum] is not { } given) return;
        if (info.Oxum() is not var (octets, streams))
            problems.Add($"bag-info.txt: Payload-Oxum '{given}' không đúng dạng '<số byte>.<số tệp>'.");
        else if (octets != tree.PayloadBytes || streams != tree.PayloadFiles.Count)
            problems.Add($"Payload-Oxum {given} không khớp tài liệu trong data/: {tree.PayloadBytes} byte, " +
                         $"{tree.PayloadFiles.Count} tệp.");
    }

    private static async Task CheckChecksumsAsync(string root, Dictionary<ChecksumAlgorithm, Dictionary<string, string>> payload,
        Dictionary<ChecksumAlgorithm, Dictionary<string, string>> tags, List<string> problems, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        // One read per file for all the algorithms that list it.
        var expected = new Dictionary<string, List<(ChecksumAlgorithm Algorithm, string Hex)>>(StringComparer.Ordinal);
        foreach (var (algorithm, entries) in payload.Concat(tags))
            foreach (var (path, hex) in entries)
            {
                if (!expected.TryGetValue(path, out var list)) expected[path] = list = [];
                list.Add((algorithm, hex));
            }
        var found = new ConcurrentBag<string>();
        var done = 0;
        await Parallel.ForEachAsync(expected.OrderBy(e => e.Key, StringComparer.Ordinal),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            async (entry, ct) =>
            {
                var actual = await ChecksumsAsync(Path.Combine(root, entry.Key), entry.Value.Select(v => v.Algorithm).ToList(), ct)
                    .ConfigureAwait(false);
                foreach (var (algorithm, hex) in entry.Value)
                    if (!string.Equals(actual[algorithm], hex, StringComparison.Ordinal))
                        found.Add($"Sai mã kiểm tra {algorithm.Name} của '{Shorten(entry.Key)}': tệp đã bị thay đổi hoặc hỏng.");
                if (Interlocked.Increment(ref done) % 1000 == 0) progress?.Report($"  đã kiểm tra {done}/{expected.Count} tệp…");
            }).ConfigureAwait(false);
        problems.AddRange(found.Order(StringComparer.Ordinal));
    }

    internal static async Task<Dictionary<ChecksumAlgorithm, string>> ChecksumsAsync(string path,
        IReadOnlyList<ChecksumAlgorithm> algorithms, CancellationToken cancellationToken)
    {
        var running = algorithms.Select(a => (Algorithm: a, Checksum: a.Start())).ToList();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1,
                FileOptions.Asynchronous | FileOptions.SequentialScan);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
                foreach (var (_, checksum) in running)
                    checksum.Append(buffer.AsSpan(0, read));
            return running.ToDictionary(r => r.Algorithm, r => r.Checksum.FinishHex());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var (_, checksum) in running) checksum.Dispose();
        }
    }

    private static IEnumerable<string> ReadLines(string path, Encoding encoding) =>
        SplitLines(File.ReadAllText(path, encoding).TrimStart('\uFEFF'));

    private static string[] SplitLines(string text) => text.Split(["\r\n", "\n", "\r"], StringSplitOptions.None);

    /// <summary>A path short enough for a message: hostile bags carry very long ones.</summary>
    private static string Shorten(string path) => path.Length <= 200 ? path : path[..100] + "…" + path[^60..];

    [GeneratedRegex(@"^BagIt-Version: ([0-9]+\.[0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationVersion();

    [GeneratedRegex(@"^Tag-File-Character-Encoding: (\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationEncoding();

    [GeneratedRegex(@"^([0-9A-Fa-f]+)[ \t]+(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ManifestLine();

    private sealed class Tree
    {
        public Dictionary<string, long> Files { get; } = new(StringComparer.Ordinal);
        public List<string> PayloadFiles { get; } = [];
        public long PayloadBytes { get; set; }
    }
}
