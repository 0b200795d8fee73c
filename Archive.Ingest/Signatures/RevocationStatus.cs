namespace Archive.Ingest.Signatures;

/// <summary>What the revocation data says about one certificate; <see cref="Source"/> names the CRL or OCSP response used.</summary>
public sealed record RevocationStatus(bool Known, DateTimeOffset? RevokedAt, string? Reason, string Source)
{
    /// <summary>When the issuer promised newer data (CRL nextUpdate, OCSP nextUpdate); later than that the answer may be out of date.</summary>
    public DateTimeOffset? NextUpdate { get; init; }

    public static readonly RevocationStatus Unknown = new(false, null, null, "không có");
    public bool IsRevoked => RevokedAt is not null;
}
