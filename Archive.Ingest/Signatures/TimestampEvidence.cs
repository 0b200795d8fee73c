using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// An RFC 3161 signature timestamp found in the CMS: the time it proves the signature existed at,
/// the TSA certificate, and why it cannot be relied on (null when its imprint and signature verify).
/// </summary>
public sealed record TimestampEvidence(DateTimeOffset Time, X509Certificate? TsaCertificate, IReadOnlyList<X509Certificate> Certificates, string? Problem)
{
    public bool IsCryptographicallyValid => Problem is null;
}
