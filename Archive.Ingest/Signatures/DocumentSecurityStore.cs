using Org.BouncyCastle.Asn1.Ocsp;
using Org.BouncyCastle.Ocsp;
using Org.BouncyCastle.X509;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.Signatures;

/// <summary>
/// The PDF's Document Security Store (ISO 32000-2, 12.8.4.3): certificates, CRLs and OCSP responses
/// the signer embedded for long-term validation. They are evidence to check, not to trust: the
/// certificates serve only as chain candidates and the CRLs and OCSP responses must verify.
/// </summary>
public sealed record DocumentSecurityStore(IReadOnlyList<X509Certificate> Certificates, IReadOnlyList<X509Crl> Crls,
    IReadOnlyList<BasicOcspResp> OcspResponses, IReadOnlyList<string> Problems)
{
    public static readonly DocumentSecurityStore Empty = new([], [], [], []);

    public static DocumentSecurityStore Read(PdfDocument document)
    {
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var scanner = document.Structure.TokenScanner;
        if (!catalog.TryGet(NameToken.Create("DSS"), scanner, out DictionaryToken? dss) || dss is null) return Empty;
        var problems = new List<string>();
        var certificates = new List<X509Certificate>();
        var crls = new List<X509Crl>();
        var ocsps = new List<BasicOcspResp>();
        foreach (var bytes in Streams(dss, "Certs", document, problems))
            Collect(() => certificates.Add(new X509CertificateParser().ReadCertificate(bytes) ?? throw new IOException("empty")), "chứng thư", problems);
        foreach (var bytes in Streams(dss, "CRLs", document, problems))
            Collect(() => crls.Add(new X509CrlParser().ReadCrl(bytes) ?? throw new IOException("empty")), "CRL", problems);
        foreach (var bytes in Streams(dss, "OCSPs", document, problems))
            Collect(() => ocsps.Add(ParseOcsp(bytes)), "OCSP", problems);
        return new DocumentSecurityStore(certificates, crls, ocsps, problems);
    }

    private static BasicOcspResp ParseOcsp(byte[] bytes)
    {
        var response = new OcspResp(bytes);
        if (response.Status != OcspResponseStatus.Successful || response.GetResponseObject() is not BasicOcspResp basic)
            throw new IOException("not a successful basic OCSP response");
        return basic;
    }

    private static void Collect(Action add, string what, List<string> problems)
    {
        try
        {
            add();
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidCastException or InvalidOperationException
                                       or Org.BouncyCastle.Security.Certificates.CertificateException or Org.BouncyCastle.Security.Certificates.CrlException
                                       or OcspException)
        {
            problems.Add($"DSS chứa {what} hỏng: {e.Message}");
        }
    }

    private static IEnumerable<byte[]> Streams(DictionaryToken dss, string key, PdfDocument document, List<string> problems)
    {
        var scanner = document.Structure.TokenScanner;
        if (!dss.TryGet(NameToken.Create(key), scanner, out ArrayToken? array) || array is null) yield break;
        foreach (var item in array.Data)
        {
            byte[]? bytes = null;
            try
            {
                if (UglyToad.PdfPig.Parser.Parts.DirectObjectFinder.TryGet<StreamToken>(item, scanner, out var stream) && stream is not null)
                    bytes = stream.Decode(document.Structure.FilterProvider, scanner).ToArray();
            }
            catch (Exception e) when (Parsing.IsPdfFailure(e))
            {
                problems.Add($"DSS /{key} chứa luồng hỏng: {e.Message}");
            }
            if (bytes is not null) yield return bytes;
        }
    }
}
