using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;

namespace Archive.Ingest.Signing;

/// <summary>
/// The signed attributes of a PAdES baseline B signature (ETSI EN 319 142-1, 6.3): content-type,
/// message-digest and ESS signing-certificate-v2 — and no signing-time, which PAdES forbids (the time
/// goes in the signature dictionary's /M).
/// </summary>
internal sealed class PadesSignedAttributes(X509Certificate signer) : CmsAttributeTableGenerator
{
    public AttributeTable GetAttributes(IDictionary<CmsAttributeTableParameter, object> parameters)
    {
        var certificateId = new EssCertIDv2(
            DigestUtilities.CalculateDigest("SHA-256", signer.GetEncoded()),
            new IssuerSerial(new GeneralNames(new GeneralName(signer.IssuerDN)), new DerInteger(signer.SerialNumber)));
        var attributes = new Asn1EncodableVector
        {
            new Attribute(CmsAttributes.ContentType, new DerSet((DerObjectIdentifier)parameters[CmsAttributeTableParameter.ContentType])),
            new Attribute(CmsAttributes.MessageDigest, new DerSet(new DerOctetString((byte[])parameters[CmsAttributeTableParameter.Digest]))),
            new Attribute(PkcsObjectIdentifiers.IdAASigningCertificateV2, new DerSet(new SigningCertificateV2(certificateId))),
        };
        return new AttributeTable(attributes);
    }
}
