using System.Security.Cryptography;

namespace Archive.Core.Storage;

/// <summary>Reads a blob and, on reaching its end, checks that the bytes still hash to its name.</summary>
internal sealed class VerifyingReadStream(Stream inner, Sha256Digest expected, string path) : Stream
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private bool _checked;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        if (buffer.Length > 0) Observe(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length > 0) Observe(buffer.Span[..read]);
        return read;
    }

    // A zero-byte answer to a non-empty request is the end of the blob: the moment to check it.
    private void Observe(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > 0)
        {
            _hash.AppendData(chunk);
            return;
        }
        if (_checked) return;
        _checked = true;
        var actual = Sha256Digest.FromBytes(_hash.GetHashAndReset());
        if (actual != expected) throw new BlobCorruptedException(expected, actual, path);
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
