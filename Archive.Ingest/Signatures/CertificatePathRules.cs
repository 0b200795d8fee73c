using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Pkix;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// The checks of RFC 5280 §6.1 a built path must pass beside signatures, validity and revocation (judged elsewhere): every
/// issuer below the anchor is a CA (basicConstraints), may sign certificates (keyUsage keyCertSign) and is within its path
/// length; names stay inside the name constraints of the CAs above them (BouncyCastle's PKIX name constraint validator); no
/// certificate carries a critical extension this validator does not process. As in RFC 5280, the trust anchor's own
/// certificate constrains nothing. Certificate policies are not processed: no policy is required of a signature.
/// </summary>
internal static class CertificatePathRules
{
    private static readonly HashSet<string> Processed = new(StringComparer.Ordinal)
    {
        X509Extensions.BasicConstraints.Id, X509Extensions.KeyUsage.Id, X509Extensions.ExtendedKeyUsage.Id,
        X509Extensions.NameConstraints.Id, X509Extensions.SubjectAlternativeName.Id, X509Extensions.IssuerAlternativeName.Id,
        X509Extensions.CertificatePolicies.Id, X509Extensions.PolicyConstraints.Id, X509Extensions.PolicyMappings.Id,
        X509Extensions.InhibitAnyPolicy.Id, X509Extensions.QCStatements.Id,
    };

    /// <summary>What breaks the rules, one Vietnamese sentence each; empty for a valid path.</summary>
    /// <param name="path">The path from the signer (first) to the anchor (last).</param>
    public static IReadOnlyList<string> Problems(IReadOnlyList<X509Certificate> path)
    {
        var problems = new List<string>();
        static string Name(X509Certificate c) => SignerIdentity.From(c).CommonName;
        for (var i = 0; i < path.Count - 1; i++)
            foreach (var oid in path[i].GetCriticalExtensionOids() ?? new HashSet<string>())
                if (!Processed.Contains(oid))
                    problems.Add($"Chứng thư '{Name(path[i])}' có phần mở rộng bắt buộc (critical) {oid} mà phần mềm không xử lý " +
                                 "được (RFC 5280 §4.2).");
        for (var i = 1; i < path.Count - 1; i++)
        {
            var issuer = path[i];
            var pathLength = issuer.GetBasicConstraints();
            if (pathLength < 0)
            {
                problems.Add($"Chứng thư '{Name(issuer)}' cấp chứng thư khác nhưng không phải chứng thư CA (basicConstraints).");
                continue;
            }
            if (issuer.GetKeyUsage() is { } usage && !usage[5])
                problems.Add($"Chứng thư CA '{Name(issuer)}' không được phép ký chứng thư (thiếu keyCertSign trong keyUsage).");
            var below = Enumerable.Range(1, i - 1).Count(j => !IsSelfIssued(path[j]));
            if (below > pathLength)
                problems.Add($"Chứng thư CA '{Name(issuer)}' chỉ cho phép {pathLength} CA trung gian bên dưới, đường dẫn có {below} " +
                             "(pathLenConstraint).");
        }
        if (NameConstraintProblem(path) is { } names) problems.Add(names);
        return problems;
    }

    /// <summary>The first certificate whose subject or alternative names leave the subtrees the CAs above it allow.</summary>
    private static string? NameConstraintProblem(IReadOnlyList<X509Certificate> path)
    {
        var validator = new PkixNameConstraintValidator();
        for (var i = path.Count - 2; i >= 0; i--)
        {
            var certificate = path[i];
            try
            {
                // Self-issued CA certificates are exempt, the signer's never (RFC 5280 §6.1.3 b).
                if (i == 0 || !IsSelfIssued(certificate))
                {
                    validator.CheckDN(certificate.SubjectDN);
                    foreach (var name in AlternativeNames(certificate)) validator.CheckName(name);
                }
            }
            catch (PkixNameConstraintValidatorException)
            {
                return $"Tên trong chứng thư '{SignerIdentity.From(certificate).CommonName}' nằm ngoài phạm vi tên mà CA cấp trên " +
                       "cho phép (nameConstraints).";
            }
            if (i == 0 || certificate.GetExtensionValue(X509Extensions.NameConstraints) is not { } raw) continue;
            var constraints = NameConstraints.GetInstance(Asn1Object.FromByteArray(raw.GetOctets()));
            if (constraints.PermittedSubtreesValue is { } permitted)
                validator.IntersectPermittedSubtree(Asn1Sequence.GetInstance(permitted.ToAsn1Object()));
            if (constraints.ExcludedSubtreesValue is { } excluded)
                foreach (var subtree in Asn1Sequence.GetInstance(excluded.ToAsn1Object()))
                    validator.AddExcludedSubtree(GeneralSubtree.GetInstance(subtree));
        }
        return null;
    }

    private static IEnumerable<GeneralName> AlternativeNames(X509Certificate certificate) =>
        certificate.GetExtensionValue(X509Extensions.SubjectAlternativeName) is { } raw
            ? GeneralNames.GetInstance(Asn1Object.FromByteArray(raw.GetOctets())).GetNames()
            : [];

    private static bool IsSelfIssued(X509Certificate certificate) => certificate.IssuerDN.Equivalent(certificate.SubjectDN);
}
