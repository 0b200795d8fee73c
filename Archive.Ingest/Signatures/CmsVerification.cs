using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>What the CMS says and whether it holds (DESIGN.md 4 step 2), before chain and time are judged.</summary>
public sealed record CmsVerification
{
    /// <summary>The failure that ends validation here (format, hash, signature, signing certificate); null when the CMS holds.</summary>
    public SubIndication? Failure { get; init; }
    public string? FailureDetail { get; init; }
    public X509Certificate? SignerCertificate { get; init; }
    public IReadOnlyList<X509Certificate> Certificates { get; init; } = [];
    public string? DigestAlgorithm { get; init; }
    public string? DigestAlgorithmOid { get; init; }

    /// <summary>The signingTime signed attribute: claimed by the signer, not proven.</summary>
    public DateTimeOffset? ClaimedSigningTime { get; init; }
    public bool HasSigningCertificateReference { get; init; }
    public TimestampEvidence? Timestamp { get; init; }
    public IReadOnlyList<string> Messages { get; init; } = [];
}
