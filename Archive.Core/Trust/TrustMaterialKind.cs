namespace Archive.Core.Trust;

/// <summary>What the trust store keeps: root certificates the agency trusts, and offline revocation lists.</summary>
public enum TrustMaterialKind
{
    Anchor,
    Crl,
}
