using System.Security.Cryptography;
using System.Text;

namespace Archive.Tests.Ingest.Transfers;

/// <summary>
/// Makes a bag whose content a test changed valid again (manifests, Payload-Oxum, tag manifests rewritten), so that what the
/// import must refuse is the content itself, not a broken checksum.
/// </summary>
public static class Rebag
{
    public static void Seal(string bag)
    {
        var data = Directory.EnumerateFiles(Path.Combine(bag, "data"), "*", SearchOption.AllDirectories)
            .Select(f => (File: f, Path: Path.GetRelativePath(bag, f).Replace('\\', '/'))).OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        File.WriteAllText(Path.Combine(bag, "manifest-sha256.txt"),
            string.Concat(data.Select(f => $"{Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f.File)))}  {f.Path}\n")));
        File.WriteAllText(Path.Combine(bag, "manifest-sha512.txt"),
            string.Concat(data.Select(f => $"{Convert.ToHexStringLower(SHA512.HashData(File.ReadAllBytes(f.File)))}  {f.Path}\n")));
        var info = File.ReadAllLines(Path.Combine(bag, "bag-info.txt")).Where(l => !l.StartsWith("Payload-Oxum:"))
            .Append($"Payload-Oxum: {data.Sum(f => new FileInfo(f.File).Length)}.{data.Count}");
        File.WriteAllText(Path.Combine(bag, "bag-info.txt"), string.Join("\n", info) + "\n", new UTF8Encoding(false));
        string[] tags = ["bagit.txt", "bag-info.txt", "manifest-sha256.txt", "manifest-sha512.txt"];
        byte[] Bytes(string tag) => File.ReadAllBytes(Path.Combine(bag, tag));
        File.WriteAllText(Path.Combine(bag, "tagmanifest-sha256.txt"),
            string.Concat(tags.Select(t => $"{Convert.ToHexStringLower(SHA256.HashData(Bytes(t)))}  {t}\n")));
        File.WriteAllText(Path.Combine(bag, "tagmanifest-sha512.txt"),
            string.Concat(tags.Select(t => $"{Convert.ToHexStringLower(SHA512.HashData(Bytes(t)))}  {t}\n")));
    }
}
