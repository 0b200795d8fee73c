using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signing;

/// <summary>A signing key read from a PKCS#12 (.p12/.pfx) file.</summary>
public sealed class Pkcs12SigningKey : ISigningKey
{
    private readonly AsymmetricKeyParameter _key;
    // An RSA key signs through the platform's cryptography (OpenSSL): the same PKCS#1 v1.5 signature, several times faster
    // than BouncyCastle's arithmetic, which counts when an agency signs copies by the hundred.
    private readonly RSA? _rsa;

    private Pkcs12SigningKey(AsymmetricKeyParameter key, IReadOnlyList<X509Certificate> chain)
    {
        _key = key;
        _rsa = key is RsaPrivateCrtKeyParameters crt ? PlatformRsa(crt) : null;
        Chain = chain;
        SignatureAlgorithm = key is ECPrivateKeyParameters ? "SHA256WITHECDSA" : "SHA256WITHRSA";
    }

    public IReadOnlyList<X509Certificate> Chain { get; }
    public string SignatureAlgorithm { get; }

    /// <exception cref="InvalidDataException">Not a PKCS#12 file, a wrong password, or no private key in it.</exception>
    public static Pkcs12SigningKey Load(string path, string password)
    {
        Pkcs12Store store;
        if (!File.Exists(path)) throw new FileNotFoundException(null, path);
        try
        {
            using var file = File.OpenRead(path);
            store = new Pkcs12StoreBuilder().Build();
            store.Load(file, password.ToCharArray());
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException
                                       or Org.BouncyCastle.Crypto.CryptoException or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            throw new InvalidDataException($"Không đọc được tệp khoá PKCS#12 '{path}' (sai mật khẩu hoặc tệp hỏng).", e);
        }
        var alias = store.Aliases.FirstOrDefault(store.IsKeyEntry)
                    ?? throw new InvalidDataException($"Tệp '{path}' không chứa khoá bí mật.");
        var chain = store.GetCertificateChain(alias)?.Select(c => c.Certificate).ToList()
                    ?? [store.GetCertificate(alias).Certificate];
        return new Pkcs12SigningKey(store.GetKey(alias).Key, chain);
    }

    public byte[] Sign(byte[] data)
    {
        if (_rsa is not null) return _rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var signer = SignerUtilities.GetSigner(SignatureAlgorithm);
        signer.Init(true, _key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public void Dispose() => _rsa?.Dispose();

    private static RSA PlatformRsa(RsaPrivateCrtKeyParameters key)
    {
        var size = key.Modulus.ToByteArrayUnsigned().Length;
        // RSAParameters wants D as long as the modulus and the CRT values half as long, with leading zeros.
        static byte[] Padded(Org.BouncyCastle.Math.BigInteger value, int length) =>
            [.. new byte[length - value.ToByteArrayUnsigned().Length], .. value.ToByteArrayUnsigned()];
        var half = (size + 1) / 2;
        return RSA.Create(new RSAParameters
        {
            Modulus = key.Modulus.ToByteArrayUnsigned(), Exponent = key.PublicExponent.ToByteArrayUnsigned(),
            D = Padded(key.Exponent, size), P = Padded(key.P, half), Q = Padded(key.Q, half), DP = Padded(key.DP, half),
            DQ = Padded(key.DQ, half), InverseQ = Padded(key.QInv, half),
        });
    }
}
