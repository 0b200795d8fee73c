using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace Archive.Ingest.Transfers;

/// <summary>
/// A checksum algorithm a bag's manifests may name (RFC 8493 §2.4). The archive writes SHA-256 and SHA-512, which every
/// bag checker must support; it reads the older ones too, for bags made elsewhere.
/// </summary>
public sealed class ChecksumAlgorithm
{
    public static readonly ChecksumAlgorithm Md5 = new("md5", 16, () => new Incremental(HashAlgorithmName.MD5));
    public static readonly ChecksumAlgorithm Sha1 = new("sha1", 20, () => new Incremental(HashAlgorithmName.SHA1));
    // .NET has no SHA-224; BouncyCastle's is the kept implementation.
    public static readonly ChecksumAlgorithm Sha224 = new("sha224", 28, () => new Bouncy(new Sha224Digest()));
    public static readonly ChecksumAlgorithm Sha256 = new("sha256", 32, () => new Incremental(HashAlgorithmName.SHA256));
    public static readonly ChecksumAlgorithm Sha384 = new("sha384", 48, () => new Incremental(HashAlgorithmName.SHA384));
    public static readonly ChecksumAlgorithm Sha512 = new("sha512", 64, () => new Incremental(HashAlgorithmName.SHA512));

    public static readonly IReadOnlyList<ChecksumAlgorithm> All = [Md5, Sha1, Sha224, Sha256, Sha384, Sha512];

    private readonly Func<RunningChecksum> _start;

    private ChecksumAlgorithm(string name, int length, Func<RunningChecksum> start)
    {
        Name = name;
        HexLength = length * 2;
        _start = start;
    }

    /// <summary>The name in manifest file names, e.g. "sha256" in manifest-sha256.txt.</summary>
    public string Name { get; }

    public int HexLength { get; }

    public static bool TryGet(string name, [NotNullWhen(true)] out ChecksumAlgorithm? algorithm)
    {
        algorithm = All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal));
        return algorithm is not null;
    }

    internal RunningChecksum Start() => _start();

    public override string ToString() => Name;

    private sealed class Incremental(HashAlgorithmName name) : RunningChecksum
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(name);

        public override void Append(ReadOnlySpan<byte> data) => _hash.AppendData(data);

        public override string FinishHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override void Dispose() => _hash.Dispose();
    }

    private sealed class Bouncy(IDigest digest) : RunningChecksum
    {
        public override void Append(ReadOnlySpan<byte> data) => digest.BlockUpdate(data);

        public override string FinishHex()
        {
            var result = new byte[digest.GetDigestSize()];
            digest.DoFinal(result, 0);
            return Convert.ToHexStringLower(result);
        }

        public override void Dispose() { }
    }
}

/// <summary>A checksum being computed over a stream of chunks.</summary>
internal abstract class RunningChecksum : IDisposable
{
    public abstract void Append(ReadOnlySpan<byte> data);

    public abstract string FinishHex();

    public abstract void Dispose();
}
