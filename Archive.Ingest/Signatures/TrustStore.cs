using Org.BouncyCastle.Security.Certificates;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// The trust anchors and offline CRLs a validation relies on (DESIGN.md 3: trust/anchors, trust/crls).
/// Files may be DER or PEM; a file that is neither is reported, never silently skipped.
/// </summary>
public sealed class TrustStore
{
    public TrustStore(IReadOnlyList<X509Certificate> anchors, IReadOnlyList<X509Crl> crls)
    {
        Anchors = anchors;
        Crls = crls;
    }

    public IReadOnlyList<X509Certificate> Anchors { get; }
    public IReadOnlyList<X509Crl> Crls { get; }

    /// <summary>Loads every certificate under <paramref name="anchorsFolder"/> and every CRL under <paramref name="crlFolder"/>.</summary>
    /// <exception cref="InvalidDataException">A file in either folder is not a certificate or CRL.</exception>
    /// <param name="crlFolder">Null: no CRLs.</param>
    public static async Task<TrustStore> LoadAsync(string anchorsFolder, string? crlFolder, CancellationToken cancellationToken)
    {
        var anchors = new List<X509Certificate>();
        foreach (var file in Files(anchorsFolder))
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            try
            {
                var read = new X509CertificateParser().ReadCertificates(bytes);
                if (read.Count == 0) throw new CertificateException("no certificate");
                anchors.AddRange(read);
            }
            catch (Exception e) when (e is CertificateException or IOException or ArgumentException or InvalidCastException)
            {
                throw new InvalidDataException($"Tệp '{file}' không phải chứng thư số (DER hoặc PEM).", e);
            }
        }
        var crls = new List<X509Crl>();
        foreach (var file in crlFolder is null ? [] : Files(crlFolder))
        {
            var bytes = await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
            try
            {
                var read = new X509CrlParser().ReadCrls(bytes);
                if (read.Count == 0) throw new CrlException("no CRL");
                crls.AddRange(read);
            }
            catch (Exception e) when (e is CrlException or IOException or ArgumentException or InvalidCastException)
            {
                throw new InvalidDataException($"Tệp '{file}' không phải danh sách thu hồi (CRL).", e);
            }
        }
        return new TrustStore(anchors, crls);
    }

    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal)
            : throw new DirectoryNotFoundException(folder);
}
