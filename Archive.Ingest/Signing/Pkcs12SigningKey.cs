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

    private Pkcs12SigningKey(AsymmetricKeyParameter key, IReadOnlyList<X509Certificate> chain)
    {
        _key = key;
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
        var signer = SignerUtilities.GetSigner(SignatureAlgorithm);
        signer.Init(true, _key);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public void Dispose() { }
}
