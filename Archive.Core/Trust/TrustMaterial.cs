namespace Archive.Core.Trust;

/// <summary>One file of the trust store, described for listings and the audit log.</summary>
public sealed record TrustMaterial(TrustMaterialKind Kind, string Name, string Subject, string Sha256, DateTimeOffset? NotAfter);
