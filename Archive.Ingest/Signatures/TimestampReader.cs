using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.X509;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Reads an RFC 3161 timestamp token and checks what it proves: its message imprint equals the
/// digest of the data it stamps, and the TSA's signature over it verifies. The TSA's chain is judged
/// by the caller, like any other certificate.
/// </summary>
public static class TimestampReader
{
    public static TimestampEvidence? Read(byte[] token, byte[] stampedData) =>
        Read(token, algorithm => DigestUtilities.CalculateDigest(algorithm, stampedData));

    /// <summary>For a document timestamp, whose stamped data is the whole signed file: hashed as it is read, never held.</summary>
    public static TimestampEvidence? Read(byte[] token, ISignedContent stamped) => Read(token, algorithm =>
    {
        var digest = DigestUtilities.GetDigest(algorithm);
        using (var sink = new Org.BouncyCastle.Crypto.IO.DigestSink(digest)) stamped.WriteTo(sink);
        return DigestUtilities.DoFinal(digest);
    });

    private static TimestampEvidence? Read(byte[] token, Func<string, byte[]> imprintOf)
    {
        TimeStampToken stamp;
        try
        {
            // A token taken from a PDF's /Contents is followed by zero padding.
            using var input = new Org.BouncyCastle.Asn1.Asn1InputStream(token);
            var first = input.ReadObject() ?? throw new IOException("empty timestamp token");
            stamp = new TimeStampToken(new CmsSignedData(Org.BouncyCastle.Asn1.Cms.ContentInfo.GetInstance(first)));
        }
        catch (Exception e) when (e is CmsException or TspException or IOException or ArgumentException or InvalidCastException or TspValidationException
                                       or Org.BouncyCastle.Asn1.Asn1Exception)
        {
            return new TimestampEvidence(DateTimeOffset.MinValue, null, [], "Dấu thời gian hỏng: không đọc được cấu trúc.");
        }
        var time = new DateTimeOffset(stamp.TimeStampInfo.GenTime.ToUniversalTime(), TimeSpan.Zero);
        var certificates = stamp.GetCertificates().EnumerateMatches(null).ToList();
        var tsa = certificates.FirstOrDefault(c => stamp.SignerID.Match(c));
        if (tsa is null) return new TimestampEvidence(time, null, certificates, "Dấu thời gian không kèm chứng thư của đơn vị cấp dấu thời gian.");
        try
        {
            var imprint = imprintOf(stamp.TimeStampInfo.MessageImprintAlgOid);
            if (!Arrays.FixedTimeEquals(imprint, stamp.TimeStampInfo.GetMessageImprintDigest()))
                return new TimestampEvidence(time, tsa, certificates, "Dấu thời gian không gắn với chữ ký này (message imprint không khớp).");
            stamp.Validate(tsa);
        }
        catch (Exception e) when (e is TspException or TspValidationException or SecurityUtilityException or CmsException or Org.BouncyCastle.Security.Certificates.CertificateException)
        {
            return new TimestampEvidence(time, tsa, certificates, "Chữ ký của dấu thời gian không hợp lệ.");
        }
        return new TimestampEvidence(time, tsa, certificates, null);
    }
}
