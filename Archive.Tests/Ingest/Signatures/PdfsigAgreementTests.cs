using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// poppler's pdfsig judges integrity (signature valid or not), trust in the issuer, expiry and whole-
/// document coverage; on each of these our verdict must agree with it, on every fixture and attack.
/// (pdfsig reads no offline CRLs, so revocation is ours alone.)
/// </summary>
public sealed class PdfsigAgreementTests
{
    private static readonly string[] Fixtures =
    [
        "personal.pdf", "issued.pdf", "personal-ec.pdf", "issued-ec.pdf", "issued-swapped.pdf", "noattr.pdf", "sha1.pdf",
        "revoked.pdf", "expired.pdf", "notyet.pdf", "weak.pdf", "rogue.pdf", "nocerts.pdf", "certified-p1.pdf", "certified-p2.pdf",
    ];

    private static IEnumerable<string> Files()
    {
        foreach (var name in Fixtures) yield return SignatureFixtures.SignedFile(name);
        var personal = File.ReadAllBytes(SignatureFixtures.SignedFile("personal.pdf"));
        yield return PdfBytes.Write(PdfBytes.ReplaceFirst(personal, "QUYET DINH", "QUYET DINX"), "hash.pdf");
        var range = PdfBytes.LastByteRange(personal);
        var gap = PdfBytes.Text(personal).Substring((int)range[1], (int)(range[2] - range[1]));
        var lastDigit = gap.TrimEnd('>').TrimEnd('0').Length - 1;
        var badSignature = (byte[])personal.Clone();
        badSignature[range[1] + lastDigit] = (byte)(badSignature[range[1] + lastDigit] == (byte)'1' ? '2' : '1');
        yield return PdfBytes.Write(badSignature, "sigvalue.pdf");
        yield return PdfBytes.Write(PdfBytes.AppendUpdate(personal, new Dictionary<int, string>
        {
            [4] = PdfBytes.Stream("BT /F1 24 Tf 60 700 Td (DA BI SUA) Tj ET"),
        }), "isa.pdf");
    }

    [Test]
    public async Task Signatures_made_by_pdfsig_pass_and_a_later_one_is_an_allowed_change()
    {
        var folder = SignatureFixtures.TempFolder();
        var once = Path.Combine(folder, "pdfsig-personal.pdf");
        var twice = Path.Combine(folder, "mixed-issued.pdf");
        Pdfsig.Sign(SignatureFixtures.SignedFile("plain.pdf"), once, "personal");
        // openssl's personal signature, then pdfsig's organisation signature: two vendors, Điều 12 order.
        Pdfsig.Sign(SignatureFixtures.SignedFile("personal.pdf"), twice, "organisation");

        var one = await SignatureFixtures.VerifyAsync(once);
        var two = await SignatureFixtures.VerifyAsync(twice);

        Assert.That(one.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(one));
        Assert.That(two.Indication, Is.EqualTo(SignatureIndication.TotalPassed), OpensslSignedPdfTests.Describe(two));
        Assert.That(two.Signatures.Select(s => s.Kind), Is.EqualTo(new[] { SignerKind.Personal, SignerKind.Organisation }));
        Assert.That(two.Signatures[0].ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed), OpensslSignedPdfTests.Describe(two));
        foreach (var file in new[] { once, twice })
            Assert.That(Pdfsig.Verify(file).All(v => v.SignatureValid && v.CertificateValidation.StartsWith("Certificate is Trusted", StringComparison.Ordinal)));
    }

    [Test]
    public async Task Pdfsig_and_archive_agree_on_every_verdict_pdfsig_can_judge()
    {
        var compared = 0;
        foreach (var file in Files())
        {
            var ours = await SignatureFixtures.VerifyAsync(file);
            var theirs = Pdfsig.Verify(file);
            Assert.That(theirs.Select(t => t.Field), Is.EquivalentTo(ours.Signatures.Select(s => s.Field)), file);
            foreach (var their in theirs)
            {
                var our = ours.Signatures.Single(s => s.Field == their.Field);
                var what = $"{Path.GetFileName(file)} {their.Field}: pdfsig '{their.SignatureValidation}' / '{their.CertificateValidation}', " +
                           $"archive {our.Indication}/{our.SubIndication?.Name}";
                // Without the signer's certificate pdfsig cannot judge integrity at all ("Unknown Validation Failure").
                if (their.SignatureValidation.StartsWith("Unknown Validation Failure", StringComparison.Ordinal))
                {
                    Assert.That(our.Indication, Is.Not.EqualTo(SignatureIndication.TotalPassed), what);
                    continue;
                }
                var ourIntegrity = our.SubIndication is not { Name: "FORMAT_FAILURE" or "HASH_FAILURE" or "SIG_CRYPTO_FAILURE" };
                Assert.That(ourIntegrity, Is.EqualTo(their.SignatureValid), what);
                Assert.That(our.CoversWholeDocument, Is.EqualTo(their.TotalDocumentSigned), what);
                if (!their.SignatureValid) continue;
                switch (their.CertificateValidation)
                {
                    case var c when c.StartsWith("Certificate issuer is unknown", StringComparison.Ordinal):
                        Assert.That(our.SubIndication, Is.EqualTo(SubIndication.NoCertificateChainFound), what);
                        break;
                    case var c when c.StartsWith("Certificate has Expired", StringComparison.Ordinal):
                        Assert.That(our.SubIndication?.Name, Is.AnyOf("OUT_OF_BOUNDS_NO_POE", "NOT_YET_VALID", "EXPIRED"), what);
                        break;
                    case var c when c.StartsWith("Certificate is Trusted", StringComparison.Ordinal):
                        Assert.That(our.SubIndication, Is.Not.EqualTo(SubIndication.NoCertificateChainFound), what);
                        break;
                }
                compared++;
            }
        }
        Assert.That(compared, Is.GreaterThan(10));
    }
}
