using System.Text;
using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Revocation evidence embedded in the PDF's Document Security Store: OCSP responses made by
/// `openssl ocsp` and the root's CRL, added after signing as a DSS update (an allowed change).
/// </summary>
public sealed class DssRevocationTests
{
    private static string WithDss(string signed, string ocspName)
    {
        var ocsp = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(SignatureFixtures.Pki, "ocsp", ocspName + ".der")));
        var crl = Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(SignatureFixtures.Crls, "root.crl")));
        var updated = PdfBytes.AppendUpdate(File.ReadAllBytes(SignatureFixtures.SignedFile(signed)), new Dictionary<int, string>
        {
            [1] = "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] /SigFlags 3 >> /DSS 20 0 R >>",
            [20] = "<< /OCSPs [21 0 R] /CRLs [22 0 R] /Certs [] >>",
            [21] = $"<< /Length {ocsp.Length} >>\nstream\n{ocsp}\nendstream",
            [22] = $"<< /Length {crl.Length} >>\nstream\n{crl}\nendstream",
        });
        return PdfBytes.Write(updated, "dss-" + signed);
    }

    [Test]
    public async Task A_good_ocsp_response_in_the_dss_answers_revocation_without_offline_crls()
    {
        var noCrls = SignatureFixtures.TempFolder();

        var report = await SignatureFixtures.VerifyAsync(WithDss("personal.pdf", "personal"), crls: noCrls);

        var signature = report.Signatures.Single();
        Assert.Multiple(() =>
        {
            Assert.That(signature.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(report));
            Assert.That(signature.Messages, Has.Some.Contains("OCSP"));
            Assert.That(signature.ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed), "adding a DSS is allowed");
            Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed));
        });
    }

    [Test]
    public async Task A_revoked_ocsp_response_in_the_dss_is_total_failed_revoked()
    {
        var noCrls = SignatureFixtures.TempFolder();

        var report = await SignatureFixtures.VerifyAsync(WithDss("revoked.pdf", "revoked"), crls: noCrls);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.Revoked), OpensslSignedPdfTests.Describe(report));
    }

    [Test]
    public async Task An_ocsp_response_for_another_certificate_proves_nothing()
    {
        var noCrls = SignatureFixtures.TempFolder();

        var report = await SignatureFixtures.VerifyAsync(WithDss("revoked.pdf", "personal"), crls: noCrls);

        Assert.That(report.Signatures.Single().SubIndication, Is.EqualTo(SubIndication.TryLater), OpensslSignedPdfTests.Describe(report));
    }
}
