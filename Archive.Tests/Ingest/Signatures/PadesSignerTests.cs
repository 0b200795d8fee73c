using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// The PAdES signer: every PDF it writes passes pdfsig (valid, total document signed) and
/// `qpdf --check`, keeps the earlier bytes, and verifies with our own validator.
/// </summary>
public sealed class PadesSignerTests
{
    private static Pkcs12SigningKey Key(string name) => Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, name + ".p12"), "test");

    private static async Task<string> Sign(string input, string keyName, SignaturePlacement? placement = null, ITimestampAuthority? tsa = null,
        TimeProvider? clock = null)
    {
        var output = Path.Combine(SignatureFixtures.TempFolder(), "signed.pdf");
        using var key = Key(keyName);
        await new PadesSigner(clock ?? TimeProvider.System, Log.Logger)
            .SignAsync(input, output, key, placement ?? SignaturePlacement.Invisible, tsa, CancellationToken.None);
        return output;
    }

    private static void AssertIndependentToolsAccept(string pdf)
    {
        Tool.Require("qpdf");
        var (qpdfExit, qpdfOutput) = Tool.Run("qpdf", ["--check", pdf], check: false);
        Assert.That(qpdfExit, Is.EqualTo(0), qpdfOutput);
        Assert.That(qpdfOutput, Does.Contain("No syntax or stream encoding errors"));
        var verdicts = Pdfsig.Verify(pdf);
        Assert.That(verdicts, Is.Not.Empty);
        Assert.That(verdicts.All(v => v.SignatureValid), string.Join("; ", verdicts));
        Assert.That(verdicts[^1].TotalDocumentSigned, Is.True, "pdfsig: the last signature covers the whole document");
    }

    [TestCase("personal")]
    [TestCase("personal-ec")]
    public async Task A_signed_plain_pdf_passes_pdfsig_qpdf_and_our_validator(string keyName)
    {
        var signed = await Sign(SignatureFixtures.SignedFile("plain.pdf"), keyName);

        AssertIndependentToolsAccept(signed);
        var report = await SignatureFixtures.VerifyAsync(signed);
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(PdfBytes.Text(File.ReadAllBytes(signed)), Does.Contain("/SubFilter /ETSI.CAdES.detached"));
    }

    [Test]
    public async Task The_organisation_signature_is_an_incremental_update_at_the_top_right()
    {
        var personal = SignatureFixtures.SignedFile("personal.pdf");

        var issued = await Sign(personal, "organisation", SignaturePlacement.TopRight);

        var original = File.ReadAllBytes(personal);
        var result = File.ReadAllBytes(issued);
        Assert.That(result.AsSpan(0, original.Length).SequenceEqual(original), Is.True, "earlier bytes are never rewritten");
        AssertIndependentToolsAccept(issued);
        var report = await SignatureFixtures.VerifyAsync(issued, ValidationPolicy.Agency);
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Rules.All(r => r.Passed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures[0].ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed));
    }

    [Test]
    public async Task A_pdf_with_a_cross_reference_stream_gets_its_signature_in_one_too()
    {
        var streams = Path.Combine(SignatureFixtures.TempFolder(), "streams.pdf");
        Tool.Run("qpdf", ["--object-streams=generate", SignatureFixtures.SignedFile("plain.pdf"), streams]);

        var signed = await Sign(streams, "personal");

        var before = File.ReadAllBytes(streams).Length;
        Assert.That(PdfBytes.Text(File.ReadAllBytes(signed)[before..]), Does.Contain("/Type /XRef").And.Not.Contain("\ntrailer"));
        AssertIndependentToolsAccept(signed);
        var report = await SignatureFixtures.VerifyAsync(signed);
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task A_timestamped_signature_takes_its_time_from_the_timestamp()
    {
        var signed = await Sign(SignatureFixtures.SignedFile("plain.pdf"), "personal", SignaturePlacement.Rectangle(1, 330, 600, 530, 660),
            new OpensslTimestampAuthority());

        AssertIndependentToolsAccept(signed);
        var report = await SignatureFixtures.VerifyAsync(signed);
        var signature = report.Signatures.Single();
        Assert.That(signature.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(signature.TimeSource, Is.EqualTo(TimeSource.Timestamp));
    }

    [Test]
    public async Task A_timestamp_proving_signing_after_expiry_is_total_failed_expired()
    {
        var signed = await Sign(SignatureFixtures.SignedFile("plain.pdf"), "expired", tsa: new OpensslTimestampAuthority());

        var report = await SignatureFixtures.VerifyAsync(signed);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.Expired), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [Test]
    public async Task A_pdf_made_by_ghostscript_and_one_with_an_xref_stream_can_be_signed()
    {
        Tool.Require("gs");
        Tool.Require("qpdf");
        var folder = SignatureFixtures.TempFolder();
        var gsPdf = Path.Combine(folder, "gs.pdf");
        Tool.Run("gs", ["-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=pdfwrite", "-o", gsPdf, "-c",
            "/Helvetica findfont 14 scalefont setfont 72 720 moveto (Ha Tinh, ngay 1 thang 1 nam 2026) show showpage"]);
        var xrefStream = Path.Combine(folder, "xref-stream.pdf");
        Tool.Run("qpdf", ["--object-streams=generate", gsPdf, xrefStream]);

        foreach (var input in new[] { gsPdf, xrefStream })
        {
            var signed = await Sign(input, "organisation", SignaturePlacement.TopRight);
            AssertIndependentToolsAccept(signed);
            var report = await SignatureFixtures.VerifyAsync(signed);
            Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        }
    }

    [Test]
    public async Task Signing_never_overwrites_the_original()
    {
        var input = Path.Combine(SignatureFixtures.TempFolder(), "in.pdf");
        File.Copy(SignatureFixtures.SignedFile("plain.pdf"), input);
        using var key = Key("personal");

        Assert.ThrowsAsync<ArgumentException>(() =>
            new PadesSigner(TimeProvider.System, Log.Logger).SignAsync(input, input, key, SignaturePlacement.Invisible, null, CancellationToken.None));
        Assert.That(File.ReadAllBytes(input), Is.EqualTo(File.ReadAllBytes(SignatureFixtures.SignedFile("plain.pdf"))));
        await Task.CompletedTask;
    }
}

public sealed class DocumentTimestampTests
{
    [Test]
    public async Task A_document_timestamp_after_both_signatures_is_an_allowed_change_and_verifies()
    {
        var output = Path.Combine(SignatureFixtures.TempFolder(), "issued-lta.pdf");
        await new PadesSigner(TimeProvider.System, Log.Logger)
            .TimestampAsync(SignatureFixtures.SignedFile("issued.pdf"), output, new OpensslTimestampAuthority(), CancellationToken.None);

        var report = await SignatureFixtures.VerifyAsync(output, ValidationPolicy.Agency);

        Assert.That(report.Signatures.Select(s => s.Kind), Is.EqualTo(new[] { SignerKind.Personal, SignerKind.Organisation, SignerKind.Timestamp }));
        Assert.That(report.Signatures[2].Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Signatures[1].ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
        Tool.Require("qpdf");
        Assert.That(Tool.Run("qpdf", ["--check", output], check: false).ExitCode, Is.EqualTo(0));
    }

    [Test]
    public async Task A_document_timestamp_over_changed_bytes_fails()
    {
        var output = Path.Combine(SignatureFixtures.TempFolder(), "lta.pdf");
        await new PadesSigner(TimeProvider.System, Log.Logger)
            .TimestampAsync(SignatureFixtures.SignedFile("personal.pdf"), output, new OpensslTimestampAuthority(), CancellationToken.None);
        var tampered = PdfBytes.ReplaceFirst(File.ReadAllBytes(output), "QUYET DINH", "QUYET DINX");

        var report = await SignatureFixtures.VerifyAsync(PdfBytes.Write(tampered, "lta-tampered.pdf"));

        Assert.That(report.Signatures.Single(s => s.Kind == SignerKind.Timestamp).Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }
}
