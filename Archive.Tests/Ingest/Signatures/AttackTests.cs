using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// The attack classes of DESIGN.md 4.3 (after Mladenov et al., "1 Trillion Dollar Refund", and the
/// PDF-Insecurity shadow attacks), each made from a valid openssl-signed PDF.
/// </summary>
public sealed class AttackTests
{
    private static byte[] Personal => File.ReadAllBytes(SignatureFixtures.SignedFile("personal.pdf"));
    private static byte[] Issued => File.ReadAllBytes(SignatureFixtures.SignedFile("issued.pdf"));

    private static async Task<FileVerificationReport> Verify(byte[] pdf, ValidationPolicy? policy = null) =>
        await SignatureFixtures.VerifyAsync(PdfBytes.Write(pdf, "attack.pdf"), policy);

    [Test]
    public async Task Incremental_saving_attack_new_page_content_after_signing_fails_the_file()
    {
        var attacked = PdfBytes.AppendUpdate(Personal, new Dictionary<int, string>
        {
            [4] = PdfBytes.Stream("BT /F1 24 Tf 60 700 Td (QUYET DINH DA BI SUA: chi 1 ty dong) Tj ET"),
        });

        var report = await Verify(attacked);

        var signature = report.Signatures.Single();
        var rule = report.Rules.Single(r => r.Id == RuleResult.NoModificationAfterSigning);
        Assert.Multiple(() =>
        {
            Assert.That(signature.Indication, Is.EqualTo(SignatureIndication.TotalPassed), "the signature keeps its own indication");
            Assert.That(signature.CoversWholeDocument, Is.False);
            Assert.That(signature.ModificationsAfter, Is.EqualTo(ModificationLevel.Disallowed));
            Assert.That(rule.Passed, Is.False);
            Assert.That(rule.Message, Does.Contain("sửa đổi sau khi ký"));
            Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
        });
    }

    [Test]
    public async Task Shadow_attack_replacing_a_font_or_page_resources_is_disallowed()
    {
        var fontSwap = PdfBytes.AppendUpdate(Personal, new Dictionary<int, string>
        {
            [5] = "<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
        });
        var overlay = PdfBytes.AppendUpdate(Personal, new Dictionary<int, string>
        {
            [3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /XObject << /X1 20 0 R >> >> /Contents [4 0 R 21 0 R] /Annots [6 0 R] >>",
            [20] = "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length 31 >>\nstream\n1 1 1 rg 0 0 595 842 re f\nendstream",
            [21] = PdfBytes.Stream("q /X1 Do Q"),
        });

        foreach (var attacked in new[] { fontSwap, overlay })
        {
            var report = await Verify(attacked);
            Assert.That(report.Signatures.Single().ModificationsAfter, Is.EqualTo(ModificationLevel.Disallowed), OpensslSignedPdfTests.Describe(report));
            Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
        }
    }

    [Test]
    public async Task Replacing_the_catalog_through_the_trailer_is_disallowed()
    {
        var attacked = PdfBytes.AppendUpdate(Personal, new Dictionary<int, string>
        {
            [20] = "<< /Type /Catalog /Pages 21 0 R >>",
            [21] = "<< /Type /Pages /Kids [22 0 R] /Count 1 >>",
            [22] = "<< /Type /Page /Parent 21 0 R /MediaBox [0 0 595 842] /Contents 23 0 R >>",
            [23] = PdfBytes.Stream("BT /F1 12 Tf 60 700 Td (Van ban khac) Tj ET"),
        }, root: "20 0 R");

        var report = await Verify(attacked);

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task An_added_annotation_is_an_allowed_change()
    {
        var annotated = PdfBytes.AppendUpdate(Personal, new Dictionary<int, string>
        {
            [3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R 20 0 R] >>",
            [20] = "<< /Type /Annot /Subtype /Text /Rect [10 10 30 30] /Contents (Da xem) >>",
        });

        var report = await Verify(annotated);

        Assert.That(report.Signatures.Single().ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed));
    }

    [Test]
    public async Task A_changed_byte_inside_the_signed_range_is_a_hash_failure()
    {
        var attacked = PdfBytes.ReplaceFirst(Personal, "QUYET DINH", "QUYET DINX");

        var report = await Verify(attacked);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.HashFailure));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [Test]
    public async Task A_changed_signature_value_is_a_crypto_failure()
    {
        var pdf = Personal;
        var range = PdfBytes.LastByteRange(pdf);
        var gap = PdfBytes.Text(pdf).Substring((int)range[1], (int)(range[2] - range[1]));
        var lastDigit = gap.TrimEnd('>').TrimEnd('0').Length - 1;
        var copy = (byte[])pdf.Clone();
        copy[range[1] + lastDigit] = (byte)(copy[range[1] + lastDigit] == (byte)'1' ? '2' : '1');

        var report = await Verify(copy);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.SigCryptoFailure), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task Signature_wrapping_a_gap_larger_than_contents_is_a_format_failure()
    {
        var r = PdfBytes.LastByteRange(Personal);
        var wrapped = PdfBytes.WithByteRange(Personal, 0, r[1] - 40, r[2], r[3]);
        var overlapping = PdfBytes.WithByteRange(Personal, 0, r[1], r[1] - 10, r[3] + r[2] - r[1] + 10);
        var notFromZero = PdfBytes.WithByteRange(Personal, 5, r[1] - 5, r[2], r[3]);
        var shortOfEnd = PdfBytes.WithByteRange(Personal, 0, r[1], r[2], r[3] - 100);

        foreach (var attacked in new[] { wrapped, overlapping, notFromZero, shortOfEnd })
        {
            var report = await Verify(attacked);
            Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.FormatFailure), OpensslSignedPdfTests.Describe(report));
        }
    }

    [TestCase("/Contents <", "/Contentz <", Description = "missing /Contents")]
    [TestCase("/ByteRange [", "/ByteRangz [", Description = "missing /ByteRange")]
    public async Task Universal_signature_forgery_without_contents_or_byte_range_is_a_format_failure(string find, string replacement)
    {
        var report = await Verify(PdfBytes.ReplaceLast(Personal, find, replacement));

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.FormatFailure), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [Test]
    public async Task Universal_signature_forgery_with_a_null_contents_is_a_format_failure()
    {
        var r = PdfBytes.LastByteRange(Personal);
        var text = PdfBytes.Text(Personal);
        var contents = text.Substring((int)r[1], (int)(r[2] - r[1]));
        var nulled = PdfBytes.ReplaceLast(Personal, contents, "null".PadRight(contents.Length));

        var report = await Verify(nulled);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.FormatFailure), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task Contents_that_is_not_hex_is_a_format_failure()
    {
        var r = PdfBytes.LastByteRange(Personal);
        var copy = Personal;
        copy[r[1] + 7] = (byte)'g';

        var report = await Verify(copy);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.FormatFailure), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task Cms_that_is_not_der_is_a_format_failure()
    {
        var r = PdfBytes.LastByteRange(Personal);
        var copy = Personal;
        "ffffffff"u8.ToArray().CopyTo(copy, r[1] + 1);

        var report = await Verify(copy);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.FormatFailure), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task Replacing_the_first_signature_value_in_a_later_update_is_disallowed()
    {
        var issued = Issued;
        var text = PdfBytes.Text(issued);
        var firstSig = text.IndexOf("7 0 obj", StringComparison.Ordinal);
        var sigObject = text.Substring(firstSig, text.IndexOf("endobj", firstSig, StringComparison.Ordinal) - firstSig);
        var body = sigObject["7 0 obj".Length..].Trim().Replace("/M (D:", "/M (D:1", StringComparison.Ordinal);
        var attacked = PdfBytes.AppendUpdate(issued, new Dictionary<int, string> { [7] = body });

        var report = await Verify(attacked);

        Assert.That(report.Signatures[0].ModificationsAfter, Is.EqualTo(ModificationLevel.Disallowed), OpensslSignedPdfTests.Describe(report));
    }

    [TestCase(0.5)]
    [TestCase(0.98)]
    [TestCase(0.01)]
    public async Task A_truncated_pdf_gets_a_clear_verdict(double keep)
    {
        var pdf = Issued;
        var truncated = pdf[..(int)(pdf.Length * keep)];

        var report = await Verify(truncated);

        Assert.That(report.Indication, Is.Not.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Messages.Concat(report.Signatures.SelectMany(s => s.Messages)).Concat(report.Rules.Where(r => !r.Passed).Select(r => r.Message)),
            Is.Not.Empty);
    }
}
