using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>Everything one validation run judges against: anchors, revocation data, policy and the validation time.</summary>
public sealed record ValidationContext(
    TrustStore Trust,
    ValidationPolicy Policy,
    RevocationChecker Revocation,
    IReadOnlyList<X509Certificate> ExtraCertificates,
    DateTimeOffset Now)
{
    /// <summary>Signature checks already made in this run.</summary>
    public SignatureCheckCache Checks { get; init; } = new();
}
