using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Finds the revocation status of a certificate in offline CRLs and embedded OCSP responses. A CRL
/// counts only if its issuer's key verifies it; an OCSP response only if the issuer, or a responder
/// the issuer delegated to (id-kp-OCSPSigning), signed it. The newest evidence wins.
/// </summary>
public sealed class RevocationChecker(IReadOnlyList<X509Crl> crls, IReadOnlyList<BasicOcspResp> ocspResponses, SignatureCheckCache? cache = null)
{
    public RevocationStatus Check(X509Certificate certificate, X509Certificate issuer)
    {
        RevocationStatus best = RevocationStatus.Unknown;
        DateTime bestIssued = DateTime.MinValue;
        foreach (var crl in crls)
        {
            if (!crl.IssuerDN.Equivalent(issuer.SubjectDN) || crl.ThisUpdate <= bestIssued || !(cache?.SignedCrl(crl, issuer, () => Verifies(crl, issuer)) ?? Verifies(crl, issuer))) continue;
            var entry = crl.GetRevokedCertificate(certificate.SerialNumber);
            bestIssued = crl.ThisUpdate;
            DateTimeOffset? next = crl.NextUpdate is { } n ? new DateTimeOffset(n.ToUniversalTime(), TimeSpan.Zero) : null;
            best = (entry is null
                ? new RevocationStatus(true, null, null, $"CRL {crl.ThisUpdate:yyyy-MM-dd HH:mm}Z")
                : new RevocationStatus(true, new DateTimeOffset(entry.RevocationDate.ToUniversalTime(), TimeSpan.Zero),
                    Reason(entry), $"CRL {crl.ThisUpdate:yyyy-MM-dd HH:mm}Z")) with { NextUpdate = next };
        }
        foreach (var response in ocspResponses)
        {
            if (!SignedByIssuerOrDelegate(response, issuer)) continue;
            foreach (var single in response.Responses)
            {
                var id = single.GetCertID();
                if (!id.SerialNumber.Equals(certificate.SerialNumber) || !MatchesIssuer(id, issuer)) continue;
                if (single.ThisUpdate <= bestIssued) continue;
                bestIssued = single.ThisUpdate;
                best = single.GetCertStatus() switch
                {
                    null => new RevocationStatus(true, null, null, $"OCSP {single.ThisUpdate:yyyy-MM-dd HH:mm}Z"),
                    RevokedStatus revoked => new RevocationStatus(true,
                        new DateTimeOffset(revoked.RevocationTime.ToUniversalTime(), TimeSpan.Zero),
                        revoked.HasRevocationReason ? ReasonName(revoked.RevocationReason) : null, $"OCSP {single.ThisUpdate:yyyy-MM-dd HH:mm}Z"),
                    _ => best,
                };
            }
        }
        return best;
    }

    private static bool MatchesIssuer(CertificateID id, X509Certificate issuer)
    {
        try
        {
            return id.MatchesIssuer(issuer);
        }
        catch (OcspException)
        {
            return false;
        }
    }

    private static bool Verifies(X509Crl crl, X509Certificate issuer)
    {
        try
        {
            if (PlatformSignature.VerifyCrl(crl, issuer) is { } verified) return verified;
            crl.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.SignatureException
                                       or Org.BouncyCastle.Security.Certificates.CrlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool SignedByIssuerOrDelegate(BasicOcspResp response, X509Certificate issuer)
    {
        try
        {
            if (response.Verify(issuer.GetPublicKey())) return true;
            foreach (var responder in response.GetCerts())
            {
                var usages = responder.GetExtendedKeyUsage();
                if (usages is null || !usages.Contains(KeyPurposeID.id_kp_OCSPSigning)) continue;
                if (!CertificateChainBuilder.IssuedBy(responder, issuer)) continue;
                if (response.Verify(responder.GetPublicKey())) return true;
            }
        }
        catch (Exception e) when (e is OcspException or Org.BouncyCastle.Security.InvalidKeyException or InvalidOperationException
                                       or Org.BouncyCastle.Security.Certificates.CertificateParsingException)
        {
            return false;
        }
        return false;
    }

    private static string? Reason(X509CrlEntry entry)
    {
        var value = entry.GetExtensionValue(X509Extensions.ReasonCode);
        if (value is null) return null;
        var reason = CrlReason.GetInstance(Org.BouncyCastle.X509.Extension.X509ExtensionUtilities.FromExtensionValue(value));
        return ReasonName(reason.IntValueExact);
    }

    private static string ReasonName(int code) => code switch
    {
        1 => "keyCompromise",
        2 => "cACompromise",
        3 => "affiliationChanged",
        4 => "superseded",
        5 => "cessationOfOperation",
        6 => "certificateHold",
        9 => "privilegeWithdrawn",
        10 => "aACompromise",
        _ => "unspecified",
    };
}
