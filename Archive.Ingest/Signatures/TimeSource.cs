namespace Archive.Ingest.Signatures;

/// <summary>Where the signing time comes from: a verified RFC 3161 timestamp, or the signer's own claim.</summary>
public enum TimeSource
{
    Claimed,
    Timestamp,
}
