namespace Archive.Ingest.Signatures;

/// <summary>Điều 12: an issued document carries a personal signature and an organisation signature.</summary>
public enum SignerKind
{
    Unknown,
    Personal,
    Organisation,
    Timestamp,
}
