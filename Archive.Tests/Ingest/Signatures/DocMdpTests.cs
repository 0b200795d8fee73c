using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Serilog;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>Certification signatures (DocMDP): what a certified document still allows after signing.</summary>
public sealed class DocMdpTests
{
    private static byte[] WithAnnotation(string certified) =>
        PdfBytes.AppendUpdate(File.ReadAllBytes(SignatureFixtures.SignedFile(certified)), new Dictionary<int, string>
        {
            [3] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R /Annots [6 0 R 20 0 R] >>",
            [20] = "<< /Type /Annot /Subtype /FreeText /Rect [60 700 400 760] /Contents (Che noi dung) /DA (/Helv 12 Tf 0 g) >>",
        });

    [TestCase("certified-p1.pdf")]
    [TestCase("certified-p2.pdf")]
    public async Task An_annotation_added_to_a_certified_document_is_disallowed(string certified)
    {
        var report = await SignatureFixtures.VerifyAsync(PdfBytes.Write(WithAnnotation(certified), "annotated-" + certified));

        Assert.That(report.Signatures.Single().ModificationsAfter, Is.EqualTo(ModificationLevel.Disallowed), OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    [TestCase("certified-p1.pdf", ModificationLevel.Disallowed)]
    [TestCase("certified-p2.pdf", ModificationLevel.Allowed)]
    public async Task A_later_signature_is_allowed_only_if_the_certification_permits_it(string certified, ModificationLevel expected)
    {
        var output = Path.Combine(SignatureFixtures.TempFolder(), "countersigned.pdf");
        using (var key = Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "personal.p12"), "test"))
            await new PadesSigner(TimeProvider.System, Log.Logger).SignAsync(SignatureFixtures.SignedFile(certified), output, key,
                SignaturePlacement.Invisible, null, CancellationToken.None);

        var report = await SignatureFixtures.VerifyAsync(output);

        Assert.That(report.Signatures[0].ModificationsAfter, Is.EqualTo(expected), OpensslSignedPdfTests.Describe(report));
    }
}
