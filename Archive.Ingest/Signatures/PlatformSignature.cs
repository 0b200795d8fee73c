using System.Security.Cryptography;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Verifies RSA PKCS#1 v1.5 and ECDSA signatures with the platform's cryptography. BouncyCastle
/// checks every RSA modulus it parses for primality, which costs tens of milliseconds per key —
/// per certificate, per file — so the common algorithms are verified here and only the rest is
/// left to BouncyCastle (a null answer).
/// </summary>
internal static class PlatformSignature
{
    private static readonly Dictionary<string, (HashAlgorithmName Hash, bool Rsa)> ByOid = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.5"] = (HashAlgorithmName.SHA1, true),
        ["1.2.840.113549.1.1.11"] = (HashAlgorithmName.SHA256, true),
        ["1.2.840.113549.1.1.12"] = (HashAlgorithmName.SHA384, true),
        ["1.2.840.113549.1.1.13"] = (HashAlgorithmName.SHA512, true),
        ["1.2.840.10045.4.1"] = (HashAlgorithmName.SHA1, false),
        ["1.2.840.10045.4.3.2"] = (HashAlgorithmName.SHA256, false),
        ["1.2.840.10045.4.3.3"] = (HashAlgorithmName.SHA384, false),
        ["1.2.840.10045.4.3.4"] = (HashAlgorithmName.SHA512, false),
    };

    /// <summary>Does <paramref name="issuer"/>'s key verify <paramref name="certificate"/>'s signature? Null when the algorithm is not handled here.</summary>
    public static bool? VerifyCertificate(X509Certificate certificate, X509Certificate issuer) =>
        ByOid.TryGetValue(certificate.SigAlgOid, out var algorithm)
            ? Verify(SubjectPublicKeyInfo(issuer), algorithm.Hash, algorithm.Rsa, certificate.GetTbsCertificate(), certificate.GetSignature())
            : null;

    public static bool? VerifyCrl(X509Crl crl, X509Certificate issuer) =>
        ByOid.TryGetValue(crl.SigAlgOid, out var algorithm)
            ? Verify(SubjectPublicKeyInfo(issuer), algorithm.Hash, algorithm.Rsa, crl.GetTbsCertList(), crl.GetSignature())
            : null;

    /// <summary>Verifies with the signer's certificate key; the algorithm is named the BouncyCastle way (SHA256WITHRSA).</summary>
    public static bool? Verify(X509Certificate signer, string algorithm, byte[] data, byte[] signature)
    {
        var parts = algorithm.Split("WITH");
        if (parts.Length != 2) return null;
        HashAlgorithmName? hash = parts[0] switch
        {
            "SHA1" => HashAlgorithmName.SHA1,
            "SHA256" => HashAlgorithmName.SHA256,
            "SHA384" => HashAlgorithmName.SHA384,
            "SHA512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (hash is null || parts[1] is not ("RSA" or "ECDSA")) return null;
        return Verify(SubjectPublicKeyInfo(signer), hash.Value, parts[1] == "RSA", data, signature);
    }

    private static byte[] SubjectPublicKeyInfo(X509Certificate certificate) =>
        certificate.CertificateStructure.SubjectPublicKeyInfo.GetEncoded();

    private static bool? Verify(byte[] spki, HashAlgorithmName hash, bool rsa, byte[] data, byte[] signature)
    {
        try
        {
            if (rsa)
            {
                using var key = RSA.Create();
                key.ImportSubjectPublicKeyInfo(spki, out _);
                return key.VerifyData(data, signature, hash, RSASignaturePadding.Pkcs1);
            }
            using var ec = ECDsa.Create();
            ec.ImportSubjectPublicKeyInfo(spki, out _);
            return ec.VerifyData(data, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
        }
        catch (CryptographicException)
        {
            // A key the platform cannot import (unusual curve, wrong type for the algorithm): let BouncyCastle judge.
            return null;
        }
    }

    /// <summary>The RSA modulus size in bits, read without BouncyCastle's key validation; null for other keys.</summary>
    public static int? RsaKeyBits(X509Certificate certificate)
    {
        var info = certificate.CertificateStructure.SubjectPublicKeyInfo;
        if (info.Algorithm.Algorithm.Id != "1.2.840.113549.1.1.1") return null;
        var key = Org.BouncyCastle.Asn1.X509.RsaPublicKeyStructure.GetInstance(info.ParsePublicKey());
        return key.Modulus.BitLength;
    }
}
