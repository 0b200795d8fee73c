using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Builds a path from a certificate to a trust anchor, using the certificates that came with the
/// signature (CMS, DSS) as candidate intermediates. An issuer is accepted only if it is a CA and its
/// key verifies the certificate's signature; names alone decide nothing. Depth and a visited set
/// stop loops of certificates that issue each other.
/// </summary>
public static class CertificateChainBuilder
{
    public const int MaxDepth = 10;

    /// <summary>The path from <paramref name="leaf"/> to an anchor, anchor last; null when none exists.</summary>
    /// <param name="anyIssuer">
    /// Also through issuers that are not CAs: only to say why a path that exists by signatures is refused (its rules are then
    /// judged by <see cref="CertificatePathRules"/>), never to accept it.
    /// </param>
    public static IReadOnlyList<X509Certificate>? Build(X509Certificate leaf, IEnumerable<X509Certificate> intermediates,
        IReadOnlyList<X509Certificate> anchors, SignatureCheckCache? cache = null, bool anyIssuer = false)
    {
        var pool = intermediates.Distinct().ToList();
        var path = new List<X509Certificate> { leaf };
        return Extend(path, pool, anchors, new HashSet<X509Certificate> { leaf }, anyIssuer ? null : cache, anyIssuer) ? path : null;
    }

    private static bool Extend(List<X509Certificate> path, List<X509Certificate> pool, IReadOnlyList<X509Certificate> anchors,
        HashSet<X509Certificate> visited, SignatureCheckCache? cache, bool anyIssuer)
    {
        bool IssuedBy(X509Certificate subject, X509Certificate issuer) =>
            subject.IssuerDN.Equivalent(issuer.SubjectDN) && (cache is null
                ? CertificateChainBuilder.IssuedBy(subject, issuer, anyIssuer)
                : cache.IssuedBy(subject, issuer, () => CertificateChainBuilder.IssuedBy(subject, issuer)));

        var current = path[^1];
        if (anchors.Contains(current)) return true;
        foreach (var anchor in anchors)
        {
            if (IssuedBy(current, anchor))
            {
                path.Add(anchor);
                return true;
            }
        }
        if (path.Count >= MaxDepth) return false;
        foreach (var candidate in pool)
        {
            if (visited.Contains(candidate) || !IssuedBy(current, candidate)) continue;
            visited.Add(candidate);
            path.Add(candidate);
            if (Extend(path, pool, anchors, visited, cache, anyIssuer)) return true;
            path.RemoveAt(path.Count - 1);
        }
        return false;
    }

    internal static bool IssuedBy(X509Certificate subject, X509Certificate issuer, bool anyIssuer = false)
    {
        if (!subject.IssuerDN.Equivalent(issuer.SubjectDN)) return false;
        if (!anyIssuer && issuer.GetBasicConstraints() < 0 && !issuer.Equals(subject)) return false; // only a CA issues
        try
        {
            if (PlatformSignature.VerifyCertificate(subject, issuer) is { } verified) return verified;
            subject.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception e) when (e is Org.BouncyCastle.Security.InvalidKeyException or Org.BouncyCastle.Security.Certificates.CertificateException
                                       or Org.BouncyCastle.Security.SignatureException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }
}
