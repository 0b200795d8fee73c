using System.Security.Cryptography;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signing;

/// <summary>
/// A signing key on a PKCS#11 token (a USB token of the government CA, an HSM; tested with SoftHSM2):
/// the private key never leaves the token. The certificate comes from the token (an object with the
/// key's label) or, when the token holds none, from a PEM file given with it.
/// </summary>
public sealed class Pkcs11SigningKey : ISigningKey
{
    private readonly IPkcs11Library _library;
    private readonly ISession _session;
    private readonly IObjectHandle _key;
    private readonly bool _ecdsa;
    private readonly Lock _gate = new();

    // Pkcs11Interop 5 loads "libdl", which glibc 2.34+ ships only as libdl.so.2 (no development symlink
    // on a plain Debian 12): resolve it once, for that assembly only.
    static Pkcs11SigningKey() =>
        System.Runtime.InteropServices.NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, (name, _, _) =>
            name == "libdl" && OperatingSystem.IsLinux() && System.Runtime.InteropServices.NativeLibrary.TryLoad("libdl.so.2", out var handle)
                ? handle
                : IntPtr.Zero);

    private Pkcs11SigningKey(IPkcs11Library library, ISession session, IObjectHandle key, bool ecdsa, IReadOnlyList<X509Certificate> chain)
    {
        _library = library;
        _session = session;
        _key = key;
        _ecdsa = ecdsa;
        Chain = chain;
        SignatureAlgorithm = ecdsa ? "SHA256WITHECDSA" : "SHA256WITHRSA";
    }

    public IReadOnlyList<X509Certificate> Chain { get; }
    public string SignatureAlgorithm { get; }

    /// <exception cref="InvalidDataException">No such token or key, or a wrong PIN; the message is Vietnamese.</exception>
    public static Pkcs11SigningKey Open(string libraryPath, string tokenLabel, string keyLabel, string pin, string? certificateFile)
    {
        var factories = new Pkcs11InteropFactories();
        IPkcs11Library library;
        try
        {
            library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, libraryPath, AppType.MultiThreaded);
        }
        catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException or IOException)
        {
            throw new InvalidDataException($"Không nạp được thư viện PKCS#11 '{libraryPath}': {e.Message}", e);
        }
        try
        {
            var slot = library.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == tokenLabel)
                       ?? throw new InvalidDataException($"Không tìm thấy thiết bị ký (token) có nhãn '{tokenLabel}'.");
            var session = slot.OpenSession(SessionType.ReadOnly);
            try
            {
                session.Login(CKU.CKU_USER, pin);
            }
            catch (Pkcs11Exception e)
            {
                session.Dispose();
                throw new InvalidDataException($"Đăng nhập thiết bị ký thất bại ({e.RV}): sai mã PIN?", e);
            }
            var attributes = factories.ObjectAttributeFactory;
            var key = session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY), attributes.Create(CKA.CKA_LABEL, keyLabel)])
                          .FirstOrDefault()
                      ?? throw new InvalidDataException($"Thiết bị ký không có khoá bí mật nhãn '{keyLabel}'.");
            var keyType = session.GetAttributeValue(key, [CKA.CKA_KEY_TYPE])[0].GetValueAsUlong();
            var chain = CertificatesOnToken(session, attributes, keyLabel);
            if (chain.Count == 0 && certificateFile is not null)
                chain = new X509CertificateParser().ReadCertificates(File.ReadAllBytes(certificateFile)).ToList();
            if (chain.Count == 0)
                throw new InvalidDataException($"Không tìm thấy chứng thư số cho khoá '{keyLabel}' (trên thiết bị hoặc tệp --cert).");
            return new Pkcs11SigningKey(library, session, key, keyType == (ulong)CKK.CKK_EC, chain);
        }
        catch
        {
            library.Dispose();
            throw;
        }
    }

    private static List<X509Certificate> CertificatesOnToken(ISession session, Net.Pkcs11Interop.HighLevelAPI.Factories.IObjectAttributeFactory attributes, string label)
    {
        var found = session.FindAllObjects([attributes.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE), attributes.Create(CKA.CKA_LABEL, label)]);
        return found.Select(o => new X509CertificateParser().ReadCertificate(session.GetAttributeValue(o, [CKA.CKA_VALUE])[0].GetValueAsByteArray()))
            .ToList();
    }

    public byte[] Sign(byte[] data)
    {
        lock (_gate)
        {
            var factories = new Pkcs11InteropFactories();
            if (!_ecdsa)
            {
                using var rsa = factories.MechanismFactory.Create(CKM.CKM_SHA256_RSA_PKCS);
                return _session.Sign(rsa, _key, data);
            }
            // Tokens sign a digest with CKM_ECDSA and answer r‖s; CMS wants the DER SEQUENCE of r and s.
            using var ecdsa = factories.MechanismFactory.Create(CKM.CKM_ECDSA);
            var raw = _session.Sign(ecdsa, _key, SHA256.HashData(data));
            var half = raw.Length / 2;
            return new DerSequence(
                new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, raw, 0, half)),
                new DerInteger(new Org.BouncyCastle.Math.BigInteger(1, raw, half, half))).GetEncoded();
        }
    }

    public void Dispose()
    {
        try
        {
            _session.Logout();
        }
        catch (Pkcs11Exception)
        {
            // Already logged out or the token was removed: nothing left to protect.
        }
        _session.Dispose();
        _library.Dispose();
    }
}
