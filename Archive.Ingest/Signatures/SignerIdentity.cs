using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>Who signed: the signing certificate's subject, issuer and serial (hex), as the report shows them.</summary>
public sealed record SignerIdentity(string Subject, string Issuer, string Serial, string CommonName, string? Organisation)
{
    public static SignerIdentity From(X509Certificate certificate) => new(
        Name(certificate.SubjectDN),
        Name(certificate.IssuerDN),
        certificate.SerialNumber.ToString(16).ToUpperInvariant(),
        First(certificate.SubjectDN, X509Name.CN) ?? Name(certificate.SubjectDN),
        First(certificate.SubjectDN, X509Name.O));

    // Most specific first, as people read a distinguished name: "CN=…,O=…,C=VN".
    private static string Name(X509Name name) => name.ToString(false, X509Name.DefaultSymbols);

    private static string? First(X509Name name, Org.BouncyCastle.Asn1.DerObjectIdentifier oid) => name.GetValueList(oid).FirstOrDefault();
}
