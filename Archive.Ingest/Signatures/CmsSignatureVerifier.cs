using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Ess;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Pkcs;
using AttributeTable = Org.BouncyCastle.Asn1.Cms.AttributeTable;
using ContentInfo = Org.BouncyCastle.Asn1.Cms.ContentInfo;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.IO;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tsp;
using Org.BouncyCastle.Utilities;
using Org.BouncyCastle.X509;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Verifies a detached CMS SignedData over its content with BouncyCastle: one signer, the
/// messageDigest against our own digest of the content (HASH_FAILURE), the signature value with the
/// signer's key (SIG_CRYPTO_FAILURE), the ESS signing-certificate(-v2) reference, and an embedded
/// RFC 3161 signature timestamp.
/// </summary>
public static class CmsSignatureVerifier
{
    /// <summary>The PDF signature subfilter whose CMS signs the SHA-1 digest of the signed bytes (ISO 32000-1 12.8.3.3).</summary>
    public const string Pkcs7Sha1 = "adbe.pkcs7.sha1";

    /// <param name="subFilter">The PDF signature's /SubFilter; <see cref="Pkcs7Sha1"/> changes what the CMS content is.</param>
    public static CmsVerification Verify(byte[] cms, ISignedContent content, string? subFilter = null)
    {
        ContentInfo info;
        int trailing;
        try
        {
            (info, trailing) = ParseContentInfo(cms);
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidOperationException or Asn1Exception or InvalidCastException or FormatException)
        {
            return Fail(SubIndication.FormatFailure, "CMS không phải cấu trúc DER/BER hợp lệ (bị cắt cụt, sai độ dài hoặc có dữ liệu lạ).");
        }
        if (!CmsObjectIdentifiers.SignedData.Equals(info.ContentType))
            return Fail(SubIndication.FormatFailure, "CMS không phải SignedData.");

        CmsSignedData signed;
        List<SignerInformation> signers;
        List<X509Certificate> certificates;
        var notes = new List<string>();
        if (trailing > 0) notes.Add($"/Contents có {trailing} byte sau cấu trúc CMS (không thuộc chữ ký, bỏ qua).");
        try
        {
            if (Org.BouncyCastle.Asn1.Cms.SignedData.GetInstance(info.Content).EncapContentInfo.Content is Asn1OctetString { } octets
                && octets.GetOctets() is var carried)
            {
                // Enveloping: the CMS carries what it signs. It must be the signed bytes (or, for adbe.pkcs7.sha1, their SHA-1).
                var sha1 = subFilter == Pkcs7Sha1;
                var expected = sha1 ? Digest("1.3.14.3.2.26", content) : null;
                if (sha1 ? !Arrays.FixedTimeEquals(carried, expected!) : !SameBytes(carried, content))
                    return Fail(SubIndication.HashFailure, sha1
                        ? "Giá trị băm SHA-1 mang trong CMS (adbe.pkcs7.sha1) khác giá trị băm của phần tài liệu được ký."
                        : "Nội dung mang trong CMS khác phần tài liệu được ký (ByteRange).");
                notes.Add(sha1
                    ? "Chữ ký adbe.pkcs7.sha1: CMS ký giá trị băm SHA-1 của phần tài liệu được ký (khớp)."
                    : "CMS mang bên trong đúng phần tài liệu được ký (enveloping).");
                content = new CarriedContent(carried);
            }
            else if (subFilter == Pkcs7Sha1)
                return Fail(SubIndication.FormatFailure, "Chữ ký adbe.pkcs7.sha1 nhưng CMS không mang giá trị băm SHA-1 của tài liệu.");
            signed = new CmsSignedData(new ContentWriter(content), info);
            signers = signed.GetSignerInfos().GetSigners().ToList();
            certificates = signed.GetCertificates().EnumerateMatches(null).ToList();
        }
        catch (Exception e) when (e is CmsException or ArgumentException or InvalidCastException or InvalidOperationException or IOException)
        {
            return Fail(SubIndication.FormatFailure, "SignedData hỏng: không đọc được cấu trúc chữ ký CMS.");
        }
        if (signers.Count == 0) return Fail(SubIndication.FormatFailure, "CMS không có người ký nào (SignerInfo).");
        // Several SignerInfos: the first that holds up is the signature judged; when none does, the first one's failure is told.
        var judged = signers.Select((s, i) => VerifySigner(s, RawSignedAttributes(cms, i), certificates, content, notes)).ToList();
        var chosen = judged.FirstOrDefault(v => v.Failure is null) ?? judged[0];
        if (signers.Count > 1)
            chosen = chosen with
            {
                Messages = [$"CMS có {signers.Count} người ký (SignerInfo); đánh giá người ký " +
                            $"{(chosen.SignerCertificate is { } c ? SignerIdentity.From(c).CommonName : "thứ nhất")}.", .. chosen.Messages],
            };
        return subFilter == Pkcs7Sha1 ? chosen with { DigestAlgorithm = "SHA-1" } : chosen;
    }

    /// <param name="asReceived">The signer's signed attributes exactly as they were encoded (tagged as a SET), when they could be
    /// found.</param>
    private static CmsVerification VerifySigner(SignerInformation signer, byte[]? asReceived, List<X509Certificate> certificates,
        ISignedContent content, IReadOnlyList<string> notes)
    {
        var messages = new List<string>(notes);

        var digestOid = signer.DigestAlgorithmID.Algorithm.Id;
        var digestName = DigestName(digestOid);
        var result = new CmsVerification { Certificates = certificates, DigestAlgorithm = digestName, DigestAlgorithmOid = digestOid };
        byte[] digest;
        try
        {
            digest = Digest(digestOid, content);
        }
        catch (SecurityUtilityException)
        {
            return result with { Failure = SubIndication.FormatFailure, FailureDetail = $"Thuật toán băm không hỗ trợ: {digestOid}." };
        }

        var signedAttributes = signer.SignedAttributes;
        if (signedAttributes is not null)
        {
            var md = signedAttributes[CmsAttributes.MessageDigest];
            if (md is null || md.AttrValues.Count != 1 || md.AttrValues[0] is not Asn1OctetString mdValue)
                return result with { Failure = SubIndication.FormatFailure, FailureDetail = "Thiếu thuộc tính messageDigest." };
            if (!Arrays.FixedTimeEquals(mdValue.GetOctets(), digest))
                return result with { Failure = SubIndication.HashFailure, FailureDetail = SubIndication.HashFailure.Explanation };
            if (signedAttributes[CmsAttributes.SigningTime] is { } st && st.AttrValues.Count == 1)
                result = result with { ClaimedSigningTime = new DateTimeOffset(Time.GetInstance(st.AttrValues[0]).ToDateTime().ToUniversalTime(), TimeSpan.Zero) };
        }
        else
        {
            messages.Add("Chữ ký không có thuộc tính được ký (signed attributes): không có thời điểm ký khai báo trong CMS.");
        }

        var signerCertificate = certificates.FirstOrDefault(c => signer.SignerID.Match(c));
        if (signerCertificate is null && signedAttributes is not null && SignatureOverAttributes(signer) is { } byKey)
        {
            // Some libraries (node-forge) write the issuer's name in the SignerInfo in another encoding than the certificate's: the
            // certificate with that serial number whose key the signature verifies under is the signer's, and that is said.
            signerCertificate = certificates.FirstOrDefault(c => c.SerialNumber.Equals(signer.SignerID.SerialNumber)
                && (VerifyOver(signer.GetEncodedSignedAttributes(), c, byKey, signer.GetSignature()) == true
                    || asReceived is not null && VerifyOver(asReceived, c, byKey, signer.GetSignature()) == true));
            if (signerCertificate is not null)
                messages.Add("Người ký trong CMS (SignerInfo) ghi tên cơ quan cấp chứng thư khác cách mã hóa của chứng thư; " +
                             "chứng thư cùng số hiệu có khóa kiểm tra được chữ ký được dùng.");
        }
        if (signerCertificate is null)
            return result with { Failure = SubIndication.NoSigningCertificateFound, FailureDetail = "CMS không chứa chứng thư số của người ký.", Messages = messages };
        result = result with { SignerCertificate = signerCertificate };

        try
        {
            if (signedAttributes is not null && SignatureOverAttributes(signer) is { } algorithm)
            {
                // The messageDigest was compared above; the signature covers only the signed attributes,
                // so the content need not be hashed a second time.
                if (signedAttributes[CmsAttributes.ContentType] is not { } contentType
                    || !CmsObjectIdentifiers.Data.Equals(contentType.AttrValues[0]))
                    return result with { Failure = SubIndication.FormatFailure, FailureDetail = "Thuộc tính content-type thiếu hoặc không phải id-data.", Messages = messages };
                var valid = VerifyOver(signer.GetEncodedSignedAttributes(), signerCertificate, algorithm, signer.GetSignature());
                // A signer whose software wrote its attributes out of DER order, or with lengths not minimally encoded, signed them
                // as written: EU DSS then checks the signature over the bytes as received, and so does this.
                if (valid != true && asReceived is not null && !asReceived.AsSpan().SequenceEqual(signer.GetEncodedSignedAttributes())
                    && VerifyOver(asReceived, signerCertificate, algorithm, signer.GetSignature()) == true)
                {
                    valid = true;
                    messages.Add("Thuộc tính được ký không mã hóa theo DER (thứ tự hoặc độ dài); chữ ký đúng trên thuộc tính như đã ghi.");
                }
                if (valid != true)
                    return result with { Failure = SubIndication.SigCryptoFailure, FailureDetail = SubIndication.SigCryptoFailure.Explanation, Messages = messages };
            }
            else if (!signer.Verify(signerCertificate.GetPublicKey()))
                return result with { Failure = SubIndication.SigCryptoFailure, FailureDetail = SubIndication.SigCryptoFailure.Explanation, Messages = messages };
        }
        catch (Exception e) when (e is CmsException or SecurityUtilityException or InvalidKeyException or ArgumentException or InvalidCastException)
        {
            // Without signed attributes BouncyCastle cannot tell a changed document from a wrong key.
            return result with { Failure = SubIndication.SigCryptoFailure, FailureDetail = SubIndication.SigCryptoFailure.Explanation,
                Messages = messages };
        }

        var reference = CheckSigningCertificateReference(signedAttributes, signerCertificate);
        if (reference.Problem is not null)
            return result with { Failure = SubIndication.NoSigningCertificateFound, FailureDetail = reference.Problem, Messages = messages };
        result = result with { HasSigningCertificateReference = reference.Present };

        return result with { Timestamp = ReadTimestamp(signer), Messages = messages };
    }

    /// <returns>The CMS, and how many bytes other than zero padding follow it in /Contents (outside the signature: ignored, as
    /// EU DSS ignores them).</returns>
    /// <summary>
    /// The signed attributes of the <paramref name="index"/>-th SignerInfo as they stand in the CMS bytes, their [0] tag made a SET
    /// tag (RFC 5652 5.4): walked by hand, since every parser re-encodes what it reads. Null for a form this walk does not follow.
    /// </summary>
    private static byte[]? RawSignedAttributes(byte[] cms, int index)
    {
        var at = 0;
        bool Enter(byte tag) => Header(cms, ref at, tag, out _, enter: true);
        bool Skip(byte? tag = null) => Header(cms, ref at, tag, out _, enter: false);
        if (!Enter(0x30) || !Skip(0x06) || !Enter(0xA0) || !Enter(0x30) || !Skip(0x02) || !Skip(0x31) || !Skip(0x30)) return null;
        while (at < cms.Length && cms[at] is 0xA0 or 0xA1) Skip();
        if (!Enter(0x31)) return null;
        for (var i = 0; i < index; i++)
            if (!Skip(0x30)) return null;
        if (!Enter(0x30) || !Skip(0x02) || !Skip() || !Skip(0x30) || at >= cms.Length || cms[at] != 0xA0) return null;
        var start = at;
        if (!Header(cms, ref at, 0xA0, out var length, enter: true)) return null;
        var attributes = cms[start..(at + length)];
        attributes[0] = 0x31;
        return attributes;
    }

    /// <summary>Reads a definite-length header with the expected tag at <paramref name="at"/>, moving into or past the element.</summary>
    private static bool Header(byte[] data, ref int at, byte? tag, out int length, bool enter)
    {
        length = 0;
        if (at + 2 > data.Length || tag is { } expected && data[at] != expected) return false;
        var first = data[at + 1];
        var header = 2;
        if (first < 0x80) length = first;
        else
        {
            var count = first & 0x7F;
            if (count is 0 or > 4 || at + 2 + count > data.Length) return false; // indefinite or absurd
            for (var i = 0; i < count; i++) length = (length << 8) | data[at + 2 + i];
            header += count;
        }
        if (length < 0 || at + header + length > data.Length) return false;
        at += enter ? header : header + length;
        return true;
    }

    private static bool? VerifyOver(byte[] encoded, X509Certificate certificate, string algorithm, byte[] signature)
    {
        if (PlatformSignature.Verify(certificate, algorithm, encoded, signature) is { } platform) return platform;
        var verifier = SignerUtilities.GetSigner(algorithm);
        verifier.Init(false, certificate.GetPublicKey());
        verifier.BlockUpdate(encoded, 0, encoded.Length);
        return verifier.VerifySignature(signature);
    }

    private static (ContentInfo Info, int Trailing) ParseContentInfo(byte[] cms)
    {
        using var input = new Asn1InputStream(cms);
        var first = input.ReadObject() ?? throw new IOException("empty");
        var consumed = (int)input.Position;
        var end = cms.Length;
        while (end > consumed && cms[end - 1] == 0) end--;
        return (ContentInfo.GetInstance(first), end - consumed);
    }

    private static bool SameBytes(byte[] carried, ISignedContent content)
    {
        using var written = new MemoryStream();
        content.WriteTo(written);
        return written.Length == carried.Length && Arrays.FixedTimeEquals(written.GetBuffer().AsSpan(0, carried.Length).ToArray(), carried);
    }

    /// <summary>What an enveloping CMS carries, as the content it signs.</summary>
    private sealed class CarriedContent(byte[] bytes) : ISignedContent
    {
        public void WriteTo(Stream destination) => destination.Write(bytes);
    }

    private static byte[] Digest(string oid, ISignedContent content)
    {
        // The platform's hashes use the CPU's SHA extensions; large files hash several times faster.
        HashAlgorithmName? platform = DigestName(oid) switch
        {
            "SHA-1" => HashAlgorithmName.SHA1,
            "SHA-256" => HashAlgorithmName.SHA256,
            "SHA-384" => HashAlgorithmName.SHA384,
            "SHA-512" => HashAlgorithmName.SHA512,
            _ => null,
        };
        if (platform is { } name)
        {
            using var hash = IncrementalHash.CreateHash(name);
            using var hashSink = new HashSink(hash);
            content.WriteTo(hashSink);
            return hash.GetHashAndReset();
        }
        var digest = DigestUtilities.GetDigest(oid);
        using var sink = new DigestSink(digest);
        content.WriteTo(sink);
        return DigestUtilities.DoFinal(digest);
    }

    /// <summary>The signature algorithm for the common RSA PKCS#1 v1.5 and ECDSA cases; null leaves the rest to BouncyCastle.</summary>
    private static string? SignatureOverAttributes(SignerInformation signer)
    {
        var digest = DigestName(signer.DigestAlgorithmID.Algorithm.Id).Replace("-", "", StringComparison.Ordinal);
        if (digest is not ("SHA1" or "SHA224" or "SHA256" or "SHA384" or "SHA512")) return null;
        var encryption = signer.SignatureAlgorithm.Algorithm.Id;
        return encryption switch
        {
            "1.2.840.113549.1.1.1" => $"{digest}WITHRSA",
            "1.2.840.113549.1.1.5" when digest == "SHA1" => "SHA1WITHRSA",
            "1.2.840.113549.1.1.11" when digest == "SHA256" => "SHA256WITHRSA",
            "1.2.840.113549.1.1.12" when digest == "SHA384" => "SHA384WITHRSA",
            "1.2.840.113549.1.1.13" when digest == "SHA512" => "SHA512WITHRSA",
            "1.2.840.10045.2.1" => $"{digest}WITHECDSA",
            "1.2.840.10045.4.3.2" when digest == "SHA256" => "SHA256WITHECDSA",
            "1.2.840.10045.4.3.3" when digest == "SHA384" => "SHA384WITHECDSA",
            "1.2.840.10045.4.3.4" when digest == "SHA512" => "SHA512WITHECDSA",
            _ => null,
        };
    }

    internal static string DigestName(string oid) => oid switch
    {
        "1.3.14.3.2.26" => "SHA-1",
        "1.2.840.113549.2.5" => "MD5",
        _ when oid == NistObjectIdentifiers.IdSha224.Id => "SHA-224",
        _ when oid == NistObjectIdentifiers.IdSha256.Id => "SHA-256",
        _ when oid == NistObjectIdentifiers.IdSha384.Id => "SHA-384",
        _ when oid == NistObjectIdentifiers.IdSha512.Id => "SHA-512",
        _ => oid,
    };

    private static (bool Present, string? Problem) CheckSigningCertificateReference(AttributeTable? attributes, X509Certificate certificate)
    {
        if (attributes is null) return (false, null);
        if (attributes[PkcsObjectIdentifiers.IdAASigningCertificateV2] is { } v2)
        {
            var id = SigningCertificateV2.GetInstance(v2.AttrValues[0]).GetCerts().FirstOrDefault();
            if (id is null) return (true, "Thuộc tính signing-certificate-v2 rỗng.");
            var algorithm = id.HashAlgorithm?.Algorithm.Id ?? NistObjectIdentifiers.IdSha256.Id;
            var hash = DigestUtilities.CalculateDigest(algorithm, certificate.GetEncoded());
            if (!Arrays.FixedTimeEquals(hash, id.GetCertHash()))
                return (true, "Thuộc tính signing-certificate-v2 không khớp với chứng thư số kèm theo (có thể bị thay chứng thư).");
            if (id.IssuerSerial is { } issuerSerial && !issuerSerial.Serial.Value.Equals(certificate.SerialNumber))
                return (true, "Số hiệu chứng thư trong signing-certificate-v2 không khớp.");
            return (true, null);
        }
        if (attributes[PkcsObjectIdentifiers.IdAASigningCertificate] is { } v1)
        {
            var id = SigningCertificate.GetInstance(v1.AttrValues[0]).GetCerts().FirstOrDefault();
            if (id is null) return (true, "Thuộc tính signing-certificate rỗng.");
            var hash = DigestUtilities.CalculateDigest("SHA-1", certificate.GetEncoded());
            return Arrays.FixedTimeEquals(hash, id.GetCertHash())
                ? (true, null)
                : (true, "Thuộc tính signing-certificate không khớp với chứng thư số kèm theo.");
        }
        return (false, null);
    }

    private static TimestampEvidence? ReadTimestamp(SignerInformation signer)
    {
        var attribute = signer.UnsignedAttributes?[PkcsObjectIdentifiers.IdAASignatureTimeStampToken];
        if (attribute is null) return null;
        return TimestampReader.Read(attribute.AttrValues[0].GetEncoded(), signer.GetSignature());
    }

    /// <summary>A write-only stream that feeds a platform hash.</summary>
    private sealed class HashSink(IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => hash.AppendData(buffer, offset, count);
        public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static CmsVerification Fail(SubIndication failure, string detail) => new() { Failure = failure, FailureDetail = detail };

    /// <summary>Hands BouncyCastle the signed content when it checks the signature.</summary>
    private sealed class ContentWriter(ISignedContent content) : CmsTypedData
    {
        public DerObjectIdentifier ContentType => CmsObjectIdentifiers.Data;

        public void Write(Stream outStream) => content.WriteTo(outStream);
    }
}
