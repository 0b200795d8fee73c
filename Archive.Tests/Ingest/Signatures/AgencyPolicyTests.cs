using Archive.Ingest.Signatures;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>The `agency` policy: the regulation's rules (Điều 12, 13) on top of the basic validation.</summary>
public sealed class AgencyPolicyTests
{
    [Test]
    public async Task An_issued_document_signed_as_the_regulation_says_passes_every_rule()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("issued.pdf"), ValidationPolicy.Agency);

        Assert.That(report.Rules.Select(r => r.Id), Is.EquivalentTo(new[]
        {
            RuleResult.NoModificationAfterSigning, RuleResult.TwoSignatures, RuleResult.SigningDateEqualsIssueDate,
            RuleResult.OrganisationSignaturePosition,
        }));
        Assert.That(report.Rules.Where(r => !r.Passed), Is.Empty, OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed));
    }

    [Test]
    public async Task A_personal_signature_alone_passes_basic_but_fails_agency()
    {
        var basic = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"));
        var agency = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("personal.pdf"), ValidationPolicy.Agency);

        Assert.That(basic.Indication, Is.EqualTo(SignatureIndication.TotalPassed));
        Assert.That(agency.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
        Assert.That(agency.Rules.Single(r => r.Id == RuleResult.TwoSignatures).Passed, Is.False);
    }

    [Test]
    public async Task The_organisation_signing_before_the_person_fails_the_order_and_warns_on_position()
    {
        var report = await SignatureFixtures.VerifyAsync(SignatureFixtures.SignedFile("issued-swapped.pdf"), ValidationPolicy.Agency);

        var two = report.Rules.Single(r => r.Id == RuleResult.TwoSignatures);
        Assert.That(two.Passed, Is.False, two.Message);
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
    }

    private static SignatureReport Signature(SignerKind kind, DateTimeOffset? time, WidgetPlacement? widget = null) => new()
    {
        Field = kind.ToString(), Indication = SignatureIndication.TotalPassed, Kind = kind, SigningTime = time, Widget = widget,
    };

    [Test]
    public void A_signature_dated_another_day_than_the_issue_date_fails_in_Vietnam_time()
    {
        var issued = new DateOnly(2026, 3, 2);
        // 23:30 UTC on 1 March is 06:30 on 2 March in Vietnam: the same day as the issue date.
        var sameDay = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);
        var dayBefore = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

        var ok = AgencyRules.Check([Signature(SignerKind.Personal, sameDay), Signature(SignerKind.Organisation, sameDay)], issued);
        var wrong = AgencyRules.Check([Signature(SignerKind.Personal, dayBefore), Signature(SignerKind.Organisation, sameDay)], issued);
        var unknown = AgencyRules.Check([Signature(SignerKind.Personal, sameDay)], null);

        Assert.Multiple(() =>
        {
            Assert.That(ok.Single(r => r.Id == RuleResult.SigningDateEqualsIssueDate).Passed, Is.True);
            Assert.That(wrong.Single(r => r.Id == RuleResult.SigningDateEqualsIssueDate).Passed, Is.False);
            Assert.That(unknown.Single(r => r.Id == RuleResult.SigningDateEqualsIssueDate).Passed, Is.False);
        });
    }

    [Test]
    public void The_organisation_signature_outside_the_top_right_is_a_warning_not_a_failure()
    {
        var bottomLeft = new WidgetPlacement(1, 20, 20, 200, 80, 595, 842);
        var topRight = new WidgetPlacement(1, 395, 770, 575, 830, 595, 842);

        var warn = AgencyRules.Check([Signature(SignerKind.Personal, null), Signature(SignerKind.Organisation, null, bottomLeft)], null)
            .Single(r => r.Id == RuleResult.OrganisationSignaturePosition);
        var pass = AgencyRules.Check([Signature(SignerKind.Personal, null), Signature(SignerKind.Organisation, null, topRight)], null)
            .Single(r => r.Id == RuleResult.OrganisationSignaturePosition);

        Assert.Multiple(() =>
        {
            Assert.That(warn.Passed, Is.False);
            Assert.That(warn.Mandatory, Is.False);
            Assert.That(pass.Passed, Is.True);
        });
    }

    [TestCase("Hà Tĩnh, ngày 24 tháng 11 năm 2026", 2026, 11, 24)]
    [TestCase("Ha Tinh, ngay 5 thang 3 nam 2025", 2025, 3, 5)]
    [TestCase("Hà Nội,ngày05tháng03năm2025", 2025, 3, 5)]
    public void The_issue_date_is_read_as_administrative_documents_write_it(string text, int year, int month, int day) =>
        Assert.That(IssueDateFinder.Find(text), Is.EqualTo(new DateOnly(year, month, day)));

    [TestCase("CN=UBND tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh", SignerKind.Organisation)]
    [TestCase("CN=Sở Nội vụ", "Sở Nội vụ", "UBND tỉnh", SignerKind.Organisation)]
    [TestCase("CN=Nguyễn Văn An", "Nguyễn Văn An", "UBND tỉnh Hà Tĩnh", SignerKind.Personal)]
    public void Organisation_certificates_name_the_agency_and_no_person(string subject, string cn, string o, SignerKind expected) =>
        Assert.That(SignerClassifier.Classify(new SignerIdentity(subject, "CN=CA", "1", cn, o), ValidationPolicy.Agency), Is.EqualTo(expected));
}
