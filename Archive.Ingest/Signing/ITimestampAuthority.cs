namespace Archive.Ingest.Signing;

/// <summary>An RFC 3161 time-stamping authority: given a digest, returns a timestamp token (DER ContentInfo).</summary>
public interface ITimestampAuthority
{
    Task<byte[]> StampAsync(byte[] sha256Digest, CancellationToken cancellationToken);
}
