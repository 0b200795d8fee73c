using System.Security.Cryptography;

namespace Archive.Core.Storage;

/// <summary>A SHA-256 digest: the name of a blob in the content-addressed store.</summary>
public readonly record struct Sha256Digest
{
    private readonly string? _hex;

    private Sha256Digest(string hex) => _hex = hex;

    /// <summary>Lower-case hexadecimal, 64 characters.</summary>
    public string Hex => _hex ?? throw new InvalidOperationException("Uninitialised digest.");

    public static Sha256Digest FromBytes(ReadOnlySpan<byte> hash)
    {
        if (hash.Length != SHA256.HashSizeInBytes)
            throw new ArgumentException($"A SHA-256 digest is {SHA256.HashSizeInBytes} bytes, not {hash.Length}.", nameof(hash));
        return new Sha256Digest(Convert.ToHexStringLower(hash));
    }

    public static Sha256Digest Compute(ReadOnlySpan<byte> content) => FromBytes(SHA256.HashData(content));

    public static async Task<Sha256Digest> ComputeAsync(Stream content, CancellationToken cancellationToken) =>
        FromBytes(await SHA256.HashDataAsync(content, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> in chunks of <paramref name="bufferSize"/>, hashing
    /// what passes: one read of the content for both. <paramref name="afterChunk"/> runs after each chunk is written.
    /// </summary>
    public static async Task<(Sha256Digest Digest, long Length)> CopyAsync(Stream source, Stream destination, int bufferSize,
        CancellationToken cancellationToken, Action? afterChunk = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[bufferSize];
        long length = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            length += read;
            afterChunk?.Invoke();
        }
        return (FromBytes(hash.GetHashAndReset()), length);
    }

    public static Sha256Digest Parse(string text) =>
        TryParse(text, out var digest) ? digest : throw new FormatException($"Not a SHA-256 digest: '{text}'.");

    public static bool TryParse(string? text, out Sha256Digest digest)
    {
        digest = default;
        if (text is null || text.Length != 64) return false;
        foreach (var c in text)
            if (!char.IsAsciiHexDigit(c)) return false;
        digest = new Sha256Digest(text.ToLowerInvariant());
        return true;
    }

    public override string ToString() => _hex ?? string.Empty;
}
