using System.Text;
using System.Globalization;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Tells an organisation certificate from a personal one (DESIGN.md 4): an organisation certificate
/// names the agency in CN — the CN equals the O, or starts with a configured agency word — and no person.
/// </summary>
public static class SignerClassifier
{
    public static SignerKind Classify(SignerIdentity signer, ValidationPolicy policy)
    {
        var cn = signer.CommonName.Normalize(NormalizationForm.FormC).Trim();
        if (signer.Organisation is { } o && string.Equals(cn, o.Normalize(NormalizationForm.FormC).Trim(), StringComparison.OrdinalIgnoreCase))
            return SignerKind.Organisation;
        var culture = CultureInfo.GetCultureInfo("vi-VN");
        return policy.OrganisationNamePrefixes.Any(p => cn.StartsWith(p, true, culture)) ? SignerKind.Organisation : SignerKind.Personal;
    }
}
