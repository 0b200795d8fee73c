namespace Archive.Core.Trust;

/// <summary>A file offered to the trust store that is not the certificate or CRL it should be.</summary>
public sealed class TrustMaterialException(string message) : Exception(message);
