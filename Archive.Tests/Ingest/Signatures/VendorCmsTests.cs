using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// CMS as other vendors' software writes it, made by `openssl cms` into a PDF written by hand (fixtures/signed): judged as EU DSS
/// judges them, the attack checks unchanged. Two SignerInfos: the one that holds up is judged (DSS takes the signer whose
/// certificate verifies). An enveloping CMS carrying the signed bytes, and adbe.pkcs7.sha1 carrying their SHA-1: valid when what
/// they carry matches the byte range (the SHA-1 one INDETERMINATE/CRYPTO_CONSTRAINTS_FAILURE, as DSS's default policy treats
/// SHA-1), HASH_FAILURE when a signed byte changed. Bytes after the CMS inside /Contents are outside the signature: ignored.
/// An RSASSA-PSS signer is valid; signed attributes written out of DER order or with lengths not minimally encoded are checked
/// as written. A signature made by @signpdf (node-forge), whose SignerInfo names its issuer in another encoding, is valid. A
/// signature that does not cover the revision holding it is reported alone.
/// </summary>
public sealed class VendorCmsTests
{
    /// <summary>The file with one byte of the signed text changed (inside the first range, in the page's content).</summary>
    private static string Tampered(string name)
    {
        var bytes = File.ReadAllBytes(SignatureFixtures.SignedFile(name));
        var text = PdfBytes.Text(bytes);
        var at = text.IndexOf("QUYET DINH", StringComparison.Ordinal);
        bytes[at] = (byte)'X';
        return PdfBytes.Write(bytes, "sua-" + name);
    }

    [Test]
    public async Task Two_signer_infos_the_valid_one_is_judged()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("two-signers.pdf"));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures.Single().Messages, Has.Some.Contains("CMS có 2 người ký"));
        var tampered = await SignatureFixtures.VerifyAsync(Tampered("two-signers.pdf"));
        Assert.That(tampered.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.HashFailure));
    }

    [Test]
    public async Task An_enveloping_cms_that_carries_the_signed_bytes_is_valid_and_a_changed_byte_a_hash_failure()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("enveloping.pdf"));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));

        var tampered = await SignatureFixtures.VerifyAsync(Tampered("enveloping.pdf"));
        Assert.That((tampered.Indication, tampered.Signatures.Single().SubIndication),
            Is.EqualTo((SignatureIndication.TotalFailed, SubIndication.HashFailure)), OpensslSignedPdfTests.Describe(tampered));
    }

    [Test]
    public async Task Adbe_pkcs7_sha1_is_read_and_judged_by_its_sha1()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("pkcs7-sha1.pdf"));
        var signature = report.Signatures.Single();
        Assert.That((signature.Indication, signature.SubIndication),
            Is.EqualTo((SignatureIndication.Indeterminate, SubIndication.CryptoConstraintsFailure)),
            OpensslSignedPdfTests.Describe(report));
        Assert.That(signature.Signer!.CommonName, Is.EqualTo("Nguyễn Văn An"));

        var tampered = await SignatureFixtures.VerifyAsync(Tampered("pkcs7-sha1.pdf"));
        Assert.That((tampered.Indication, tampered.Signatures.Single().SubIndication),
            Is.EqualTo((SignatureIndication.TotalFailed, SubIndication.HashFailure)), OpensslSignedPdfTests.Describe(tampered));
    }

    [Test]
    public async Task Bytes_after_the_cms_inside_contents_are_ignored()
    {
        var bytes = File.ReadAllBytes(SignatureFixtures.SignedFile("personal.pdf"));
        var range = PdfBytes.LastByteRange(bytes);
        var hex = PdfBytes.Text(bytes).Substring((int)range[1] + 1, (int)(range[2] - range[1] - 2));
        using (var der = new Org.BouncyCastle.Asn1.Asn1InputStream(Convert.FromHexString(hex)))
        {
            der.ReadObject();
            var end = (int)range[1] + 1 + 2 * (int)der.Position;
            foreach (var (i, c) in "0D0A2020FFFE".Select((c, i) => (i, c))) bytes[end + i] = (byte)c;
        }

        var report = await SignatureFixtures.VerifyAsync(PdfBytes.Write(bytes, "du-sau-cms.pdf"));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures.Single().Messages, Has.Some.Contains("byte sau cấu trúc CMS"));
    }

    [Test]
    public async Task An_rsassa_pss_signer_is_valid_as_pdfsig_says()
    {
        var file = SignatureFixtures.SignedFile("rsa-pss.pdf");
        var report = await SignatureFixtures.VerifyAsync(file);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(Pdfsig.Verify(file).Single().SignatureValid, "pdfsig agrees");
        var tampered = await SignatureFixtures.VerifyAsync(Tampered("rsa-pss.pdf"));
        Assert.That(tampered.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.HashFailure));
    }

    [TestCase("unsorted-attributes.pdf")]
    [TestCase("long-lengths.pdf")]
    public async Task Signed_attributes_not_in_der_are_checked_as_written(string name)
    {
        // Made by fixtures/signed/make-openssl-signed.sh with python3-asn1crypto and `openssl dgst -sign`: attributes out of DER
        // order, or a length in a long form DER forbids (DSS checks the signature over the signed attributes as received).
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile(name));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures.Single().Messages, Has.Some.Contains("không mã hóa theo DER"));
        var tampered = await SignatureFixtures.VerifyAsync(Tampered(name));
        Assert.That(tampered.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.HashFailure));
    }

    [Test]
    public async Task A_signature_made_by_signpdf_and_node_forge_is_valid()
    {
        // @signpdf 3.3 (node-forge) writes the issuer's name in the SignerInfo re-encoded (its UTF-8 read as Latin-1), so the
        // identifier matches no certificate by name: the one with that serial number whose key verifies the signature is the signer's.
        // pdfsig (NSS) stops at the identifier; the signature itself holds.
        var signed = Path.Combine(SignatureFixtures.TempFolder(), "signpdf.pdf");
        Tool.Run("node", [Path.Combine(SignatureFixtures.RepositoryRoot(), "Archive.Tests", "Tools", "signpdf-sign.cjs"),
            SignatureFixtures.SignedFile("plain.pdf"), signed, Path.Combine(SignatureFixtures.Pki, "personal.p12"), "test"]);

        var report = await SignatureFixtures.VerifyAsync(signed);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures.Single().Messages, Has.Some.Contains("cùng số hiệu"));
        var bytes = File.ReadAllBytes(signed);
        bytes[PdfBytes.Text(bytes).IndexOf("QUYET DINH", StringComparison.Ordinal)] = (byte)'X';
        var tampered = await SignatureFixtures.VerifyAsync(PdfBytes.Write(bytes, "signpdf-sua.pdf"));
        Assert.That(tampered.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.HashFailure));
    }

    [Test]
    public async Task A_signature_copied_into_a_later_revision_is_reported_alone_and_the_others_still_judged()
    {
        // issued.pdf (openssl): the organisation's signature value replaced by the personal one's /ByteRange and /Contents. It still
        // verifies over revision 1, but sits in revision 2 (pdfsig calls both valid); DSS reports the signature that does not cover
        // its own revision, and judges the other.
        var bytes = File.ReadAllBytes(SignatureFixtures.SignedFile("issued.pdf"));
        var text = PdfBytes.Text(bytes);
        var ranges = System.Text.RegularExpressions.Regex.Matches(text, @"/ByteRange \[[^\]]*\]");
        var contents = System.Text.RegularExpressions.Regex.Matches(text, "/Contents <[0-9A-Fa-f]+>");
        foreach (var (first, second) in new[] { (ranges[0], ranges[1]), (contents[0], contents[1]) })
        {
            Assert.That(first.Length, Is.EqualTo(second.Length));
            System.Text.Encoding.Latin1.GetBytes(first.Value).CopyTo(bytes, second.Index);
        }

        var report = await SignatureFixtures.VerifyAsync(PdfBytes.Write(bytes, "chep-chu-ky.pdf"));

        Assert.That(report.Signatures.Select(s => s.Indication), Is.EqualTo(new[] { SignatureIndication.TotalPassed,
            SignatureIndication.TotalFailed }), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures[1].SubIndication, Is.EqualTo(SubIndication.FormatFailure));
        Assert.That(report.Signatures[1].Messages, Has.Some.Contains("không ký phiên bản chứa nó"));
    }
}
