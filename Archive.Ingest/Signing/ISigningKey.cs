using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signing;

/// <summary>
/// A private key that signs, wherever it lives (a PKCS#12 file, a PKCS#11 token): the signer never
/// sees the key itself, only its certificate chain and the signatures it makes.
/// </summary>
public interface ISigningKey : IDisposable
{
    /// <summary>The signing certificate first, then the issuing CAs as far as known.</summary>
    IReadOnlyList<X509Certificate> Chain { get; }

    /// <summary>The signature algorithm in BouncyCastle's naming, e.g. SHA256WITHRSA or SHA256WITHECDSA.</summary>
    string SignatureAlgorithm { get; }

    /// <summary>Signs <paramref name="data"/> (hashing it with the algorithm's digest).</summary>
    byte[] Sign(byte[] data);
}
