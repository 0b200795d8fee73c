using System.Security.Cryptography;
using System.Text;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Transfers;

/// <summary>
/// A bag written file by file in a test, the way another tool might: the cases of the Library of Congress BagIt conformance suite
/// (valid, invalid) are rebuilt with it, since the suite itself cannot be fetched here.
/// </summary>
public sealed class HandMadeBag : IDisposable
{
    private readonly TempFolder _folder = new("bag");
    private readonly Dictionary<string, byte[]> _payload = new(StringComparer.Ordinal);

    public HandMadeBag(string version = "1.0", string encoding = "UTF-8")
    {
        Root = Path.Combine(_folder.Path, "bag");
        Directory.CreateDirectory(Path.Combine(Root, "data"));
        Declaration = $"BagIt-Version: {version}\nTag-File-Character-Encoding: {encoding}\n";
    }

    public string Root { get; }
    public string Declaration { get; set; }
    public Encoding TagEncoding { get; set; } = new UTF8Encoding(false);
    public string? Info { get; set; }
    public string LineEnd { get; set; } = "\n";

    public HandMadeBag Payload(string path, string text) => Payload(path, Encoding.UTF8.GetBytes(text));

    public HandMadeBag Payload(string path, byte[] content)
    {
        _payload["data/" + path] = content;
        return this;
    }

    /// <summary>Writes the declaration, the payload, a manifest per algorithm, bag-info.txt (if any) and tag manifests.</summary>
    public HandMadeBag Write(string[] algorithms, bool tagManifests = true)
    {
        System.IO.File.WriteAllText(Path.Combine(Root, "bagit.txt"), Declaration, new UTF8Encoding(false));
        foreach (var (path, content) in _payload)
        {
            var file = Path.Combine(Root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            System.IO.File.WriteAllBytes(file, content);
        }
        foreach (var algorithm in algorithms)
            WriteTag($"manifest-{algorithm}.txt",
                string.Concat(_payload.Select(p => $"{Hex(algorithm, p.Value)}  {Encode(p.Key)}{LineEnd}")));
        if (Info is not null) WriteTag("bag-info.txt", Info.ReplaceLineEndings(LineEnd));
        if (!tagManifests) return this;
        var tags = Directory.EnumerateFiles(Root).Select(Path.GetFileName).Where(n => !n!.StartsWith("tagmanifest-")).ToList();
        foreach (var algorithm in algorithms)
            WriteTag($"tagmanifest-{algorithm}.txt",
                string.Concat(tags.Select(t => $"{Hex(algorithm, System.IO.File.ReadAllBytes(Path.Combine(Root, t!)))} {t}{LineEnd}")));
        return this;
    }

    public void WriteTag(string name, string text)
    {
        var bytes = TagEncoding.GetPreamble().Concat(TagEncoding.GetBytes(text)).ToArray();
        System.IO.File.WriteAllBytes(Path.Combine(Root, name), bytes);
    }

    public string File(string relative) => Path.Combine(Root, relative);

    public static string Hex(string algorithm, byte[] content) => Convert.ToHexStringLower(algorithm switch
    {
        "md5" => MD5.HashData(content),
        "sha1" => SHA1.HashData(content),
        "sha256" => SHA256.HashData(content),
        "sha384" => SHA384.HashData(content),
        "sha512" => SHA512.HashData(content),
        "sha224" => Sha224(content),
        _ => SHA256.HashData(content),
    });

    /// <summary>.NET has no SHA-224: coreutils' sha224sum computes it, independently of the verifier's BouncyCastle.</summary>
    private static byte[] Sha224(byte[] content)
    {
        var info = new System.Diagnostics.ProcessStartInfo("sha224sum")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = System.Diagnostics.Process.Start(info)!;
        process.StandardInput.BaseStream.Write(content);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return Convert.FromHexString(output[..56]);
    }

    private static string Encode(string path) => path.Replace("%", "%25").Replace("\n", "%0A").Replace("\r", "%0D");

    public void Dispose() => _folder.Dispose();
}
