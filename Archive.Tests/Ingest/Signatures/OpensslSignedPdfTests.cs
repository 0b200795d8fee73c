using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>PDFs whose structure a script wrote and whose CMS `openssl cms` made: another vendor's signatures.</summary>
public sealed class OpensslSignedPdfTests
{
    [Test]
    public async Task A_personal_signature_by_a_trusted_certificate_passes()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), Describe(report));
        var signature = report.Signatures.Single();
        Assert.Multiple(() =>
        {
            Assert.That(signature.Field, Is.EqualTo("Sig1"));
            Assert.That(signature.SubIndication, Is.Null);
            Assert.That(signature.Signer!.Subject, Is.EqualTo("CN=Nguyễn Văn An,O=UBND tỉnh Hà Tĩnh,C=VN"));
            Assert.That(signature.Kind, Is.EqualTo(SignerKind.Personal));
            Assert.That(signature.CoversWholeDocument, Is.True);
            Assert.That(signature.ModificationsAfter, Is.EqualTo(ModificationLevel.None));
            Assert.That(signature.TimeSource, Is.EqualTo(TimeSource.Claimed));
            Assert.That(signature.SigningTime, Is.Not.Null);
        });
    }

    [TestCase("issued.pdf")]
    [TestCase("issued-ec.pdf")]
    public async Task A_personal_then_organisation_signature_both_pass_and_the_second_is_an_allowed_change(string file)
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile(file));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), Describe(report));
        Assert.That(report.Signatures, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(report.Signatures[0].Kind, Is.EqualTo(SignerKind.Personal));
            Assert.That(report.Signatures[0].CoversWholeDocument, Is.False);
            Assert.That(report.Signatures[0].ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed), Describe(report));
            Assert.That(report.Signatures[1].Kind, Is.EqualTo(SignerKind.Organisation));
            Assert.That(report.Signatures[1].CoversWholeDocument, Is.True);
            Assert.That(report.Rules.Single(r => r.Id == RuleResult.NoModificationAfterSigning).Passed, Is.True);
        });
    }

    [Test]
    public async Task A_signature_without_signed_attributes_passes_with_the_time_from_the_pdf()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("noattr.pdf"));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), Describe(report));
        Assert.That(report.Signatures[0].SigningTime, Is.Not.Null);
    }

    [TestCase("revoked.pdf", "TOTAL_FAILED", "REVOKED")]
    [TestCase("expired.pdf", "INDETERMINATE", "OUT_OF_BOUNDS_NO_POE")]
    [TestCase("notyet.pdf", "INDETERMINATE", "NOT_YET_VALID")]
    [TestCase("weak.pdf", "INDETERMINATE", "CRYPTO_CONSTRAINTS_FAILURE")]
    [TestCase("sha1.pdf", "INDETERMINATE", "CRYPTO_CONSTRAINTS_FAILURE")]
    [TestCase("nosign.pdf", "INDETERMINATE", "CHAIN_CONSTRAINTS_FAILURE")]
    [TestCase("rogue.pdf", "INDETERMINATE", "NO_CERTIFICATE_CHAIN_FOUND")]
    public async Task Each_certificate_problem_gives_its_ETSI_sub_indication(string file, string indication, string subIndication)
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile(file));

        var signature = report.Signatures.Single();
        Assert.Multiple(() =>
        {
            Assert.That(signature.Indication.Name, Is.EqualTo(indication), Describe(report));
            Assert.That(signature.SubIndication?.Name, Is.EqualTo(subIndication), Describe(report));
            Assert.That(report.Indication.Name, Is.EqualTo(indication));
        });
    }

    [Test]
    public async Task Without_revocation_data_the_answer_is_try_later()
    {
        var emptyCrls = SignatureFixtures.TempFolder();

        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"), crls: emptyCrls);

        Assert.That(report.Signatures[0].SubIndication, Is.EqualTo(SubIndication.TryLater), Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.Indeterminate));
    }

    [Test]
    public async Task A_plain_pdf_has_no_signature()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("plain.pdf"));

        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.NoSignature));
    }

    internal static string Describe(FileVerificationReport report) =>
        string.Join("\n", report.Messages.Concat(report.Signatures.SelectMany(s =>
            new[] { $"{s.Field}: {s.Indication}/{s.SubIndication?.Name} mod={s.ModificationsAfter}" }.Concat(s.Messages).Concat(s.Changes)))
            .Concat(report.Rules.Select(r => $"{r.Id}: {r.Passed} {r.Message}")));
}
