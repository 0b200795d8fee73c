using System.Collections.Concurrent;
using System.Security.Cryptography;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Remembers, for one verification run, which certificate and CRL signatures an issuer's key
/// verified: documents from the same agencies share their CA chain and CRLs, so each such check is
/// made once per run instead of once per document. Keyed by the signed bytes' signature and the
/// issuer's public key, so a different certificate can never reuse another's answer.
/// </summary>
public sealed class SignatureCheckCache
{
    private readonly ConcurrentDictionary<string, bool> _answers = new(StringComparer.Ordinal);

    public bool IssuedBy(X509Certificate subject, X509Certificate issuer, Func<bool> check) =>
        Remember(subject.GetTbsCertificate(), subject.GetSignature(), issuer, check);

    public bool SignedCrl(X509Crl crl, X509Certificate issuer, Func<bool> check) =>
        Remember(crl.GetTbsCertList(), crl.GetSignature(), issuer, check);

    private bool Remember(byte[] signed, byte[] signature, X509Certificate issuer, Func<bool> check)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(signed);
        hash.AppendData(signature);
        hash.AppendData(issuer.CertificateStructure.SubjectPublicKeyInfo.GetEncoded());
        var key = Convert.ToBase64String(hash.GetHashAndReset());
        return _answers.GetOrAdd(key, _ => check());
    }
}
