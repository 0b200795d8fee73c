using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Storage;
using Archive.Ingest.Copies;
using Archive.Ingest.Exchange;
using Archive.Ingest.Issuing;
using Archive.Ingest.Records;
using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Archive.Tests.Support;
using Serilog;
using Serilog.Core;
using UglyToad.PdfPig.Tokens;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// The outgoing flow end to end (Điều 12, 13): drafted, presented, signed by the leader (in the archive with their PKCS#12, or by
/// poppler's pdfsig and uploaded), numbered by the records officer, the number written in as a change the personal signature
/// allows, sealed with the organisation signature, filed and issued as edXML envelopes; then status messages and a recall. Both
/// signatures are checked by `archive verify` and by pdfsig, the number by pdftotext.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class OutgoingIssuingTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private const string Dossier = "000.00.00.H42.2026.05.VBDI";
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");
    private readonly SettableClock _clock = new(DateTimeOffset.UtcNow);
    private string _data = null!;
    private ArchiveStore _store = null!;
    private AccountService _accounts = null!;
    private IssuingService _issuing = null!;
    private OutgoingIssuing _outgoing = null!;
    private OutgoingExchange _exchange = null!;

    private static SigningKeySource Key(string name) =>
        new(Path.Combine(SignatureFixtures.Pki, name + ".p12"), null, null, null, null, "test");

    [SetUp]
    public void CreateArchive()
    {
        _data = SignatureFixtures.TempFolder();
        var folder = new DataFolder(_data);
        foreach (var (from, to) in new[] { (SignatureFixtures.Anchors, folder.TrustAnchors), (SignatureFixtures.Crls, folder.TrustCrls) })
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        engine.Attach(_data);
        _store = ArchiveStore.Open(folder, _clock, Logger.None, catalog: CatalogEngines.CatalogOf(_data));
        var policy = new AccessPolicy();
        var catalog = new CatalogService(_store, _clock, null, policy);
        _accounts = new AccountService(_store, policy, _clock);
        _issuing = new IssuingService(_store, catalog, new DocumentFiling(_store, _clock, null, policy), policy, _clock);
        _exchange = new OutgoingExchange(Path.Combine(_data, "ra"));
        _outgoing = new OutgoingIssuing(_store, _issuing, new SignatureVerification(new DataFolder(_data), _clock, Log.Logger),
            CopyIssuingOptions.Default with { AgencyKey = Key("organisation") }, _exchange, _clock, Log.Logger);
        catalog.CreateAgency(Agency, "UBND tỉnh Hà Tĩnh", null, Operator);
        catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2026").With("FileNotation", "05.VBDI")
            .With("Title", "Quyết định của UBND tỉnh năm 2026").With("Maintenance", "Vĩnh viễn"), Operator);
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("ctich", "lanh-dao"), ("cvien", "chuyen-vien") })
            _accounts.Create(new NewAccount(login, $"Người {login}", Agency, null, [role], "Luu-tru-2019-HT"), Operator);
    }

    [TearDown]
    public void Close() => _store.Dispose();

    private Actor As(string login) => _accounts.ActAs(login, "unit-test", NetworkZone.Networked);

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    /// <summary>A draft as agencies write them: "Số:" with a gap before the ký hiệu, and the issue date on page 1.</summary>
    private async Task<string> DraftFile(string name, DateOnly? date = null)
    {
        var day = date ?? Today;
        var pdf = await new RecordPdf().WriteAsync(
        [
            "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số:         /QĐ-UBND",
            $"Hà Tĩnh, ngày {day.Day:00} tháng {day.Month:00} năm {day.Year}", "", "QUYẾT ĐỊNH",
            "Về việc ban hành Quy chế quản lý văn bản điện tử", "", "Điều 1. Ban hành kèm theo Quyết định này Quy chế.",
        ], CancellationToken.None);
        var path = Path.Combine(_data, name);
        await File.WriteAllBytesAsync(path, pdf);
        return path;
    }

    private async Task<OutgoingDocument> Draft(string subject = "Ban hành Quy chế quản lý văn bản điện tử")
    {
        await using var content = File.OpenRead(await DraftFile($"du-thao-{Guid.NewGuid():N}.pdf"));
        var draft = await _issuing.DraftAsync(new NewOutgoingDocument("Quyết định", "QĐ-UBND", subject, Dossier,
        [
            new OutgoingRecipient { OrganId = "000.00.01.H42", OrganName = "Sở Nội vụ tỉnh Hà Tĩnh" },
            new OutgoingRecipient { OrganId = "000.00.02.H42", OrganName = "Sở Tư pháp tỉnh Hà Tĩnh" },
        ], "Khẩn", Today.AddDays(10), 1), content, As("cvien"), CancellationToken.None);
        return _issuing.Submit(draft.Id, "ctich", "Kính trình Chủ tịch", As("cvien"));
    }

    private async Task<OutgoingDocument> Upload(string id, string file, string login)
    {
        await using var content = File.OpenRead(file);
        return await _outgoing.AcceptSignedAsync(id, content, As(login), CancellationToken.None);
    }

    /// <summary>The file filed into the dossier, as the blob store keeps it.</summary>
    private async Task<string> IssuedFile(OutgoingDocument numbered)
    {
        var file = Path.Combine(_data, $"phat-hanh-{numbered.Number}.pdf");
        var blob = _store.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == numbered.DocumentId)).Single();
        await using var content = _store.Blobs.OpenRead(Sha256Digest.Parse(blob.Id));
        await using var output = File.Create(file);
        await content.CopyToAsync(output);
        return file;
    }

    [Test]
    public async Task A_document_signed_in_the_archive_is_numbered_sealed_filed_and_issued_with_both_signatures_valid()
    {
        var submitted = await Draft();
        Assert.ThrowsAsync<InvalidRequestException>(() => _outgoing.NumberAsync(submitted.Id, null, As("vthu"), CancellationToken.None),
            "no number before the personal signature");
        var signed = await _outgoing.SignAsync(submitted.Id, Key("personal"), SignaturePlacement.Invisible, As("ctich"),
            CancellationToken.None);
        Assert.That(signed.Status, Is.EqualTo(OutgoingStatus.Signed));
        Assert.That(signed.SignerName, Is.EqualTo("Nguyễn Văn An"));

        var numbered = await _outgoing.NumberAsync(signed.Id, null, As("vthu"), CancellationToken.None);
        Assert.That(numbered.Code, Is.EqualTo("01/QĐ-UBND"));
        Assert.That(numbered.Status, Is.EqualTo(OutgoingStatus.Numbered));
        Assert.That(numbered.IssueDate, Is.EqualTo(Today));

        var file = await IssuedFile(numbered);
        var verify = await Cli.RunAsync("verify", file, "--policy", "agency", "--trust", SignatureFixtures.Anchors, "--crl",
            SignatureFixtures.Crls, "--json");
        Assert.That(verify.ExitCode, Is.Zero, verify.ToString());
        Assert.That(verify.Stdout, Does.Contain("TOTAL_PASSED"));
        var verdicts = Pdfsig.Verify(file);
        Assert.That(verdicts, Has.Count.EqualTo(2));
        Assert.That(verdicts.All(v => v.SignatureValid), string.Join("; ", verdicts));
        var text = Tool.Run("pdftotext", ["-layout", file, "-"]).Output;
        Assert.That(text, Does.Match(@"Số:\s*01\s*/QĐ-UBND"), text);
        Assert.That(Tool.Run("qpdf", ["--check", file], check: false).ExitCode, Is.Not.EqualTo(2), "qpdf finds no error");

        var issued = await _outgoing.IssueAsync(numbered.Id, As("vthu"), CancellationToken.None);
        Assert.That(issued.Status, Is.EqualTo(OutgoingStatus.Issued));
        Assert.That(issued.Recipients.Select(r => r.Status), Is.All.EqualTo(DeliveryStatus.Sent));
        var envelopes = Directory.GetFiles(_exchange.Folder, "*.edxml").Order().ToList();
        Assert.That(envelopes, Has.Count.EqualTo(2));
        foreach (var (envelope, recipient) in envelopes.Zip(issued.Recipients))
        {
            var attachments = Directory.CreateDirectory(Path.Combine(_data, "doc-" + recipient.OrganId)).FullName;
            await using var stream = File.OpenRead(envelope);
            var message = await EdXmlReader.ReadAsync(stream, attachments, 1 << 26, CancellationToken.None);
            Assert.That(message.FromOrganId, Is.EqualTo(Agency));
            Assert.That(message.ToOrganId, Is.EqualTo(recipient.OrganId));
            Assert.That(message.ToOrganName, Is.EqualTo(recipient.OrganName));
            Assert.That(message.DocumentId, Is.EqualTo(issued.ExchangeId));
            Assert.That(message.Metadata["CodeNumber"], Is.EqualTo("01"));
            Assert.That(message.Metadata["CodeNotation"], Is.EqualTo("QĐ-UBND"));
            Assert.That(message.Metadata["IssuedDate"], Is.EqualTo(Today.ToString("yyyy-MM-dd")));
            Assert.That(message.Metadata["TypeName"], Is.EqualTo("Quyết định"));
            Assert.That(message.Metadata["Subject"], Is.EqualTo(issued.Subject));
            Assert.That(message.Metadata["OrganName"], Is.EqualTo("UBND tỉnh Hà Tĩnh"));
            Assert.That(message.SignerName, Is.EqualTo("Nguyễn Văn An"));
            Assert.That(message.Priority, Is.EqualTo("Khẩn"));
            Assert.That(message.DueDate, Is.EqualTo(Today.AddDays(10)));
            Assert.That(message.IsRecall, Is.False);
            Assert.That(message.Attachments, Has.Count.EqualTo(1));
            Assert.That(await File.ReadAllBytesAsync(message.Attachments[0].Path), Is.EqualTo(await File.ReadAllBytesAsync(file)));
        }
    }

    [Test]
    public async Task A_document_signed_by_pdfsig_is_uploaded_numbered_and_both_signatures_verify()
    {
        var submitted = await Draft();
        var draft = Path.Combine(_data, "du-thao.pdf");
        await using (var version = _issuing.OpenVersion(submitted.Id, submitted.DraftDigest, As("ctich")))
        await using (var output = File.Create(draft))
            await version.CopyToAsync(output);
        var signedFile = Path.Combine(_data, "ky-boi-pdfsig.pdf");
        Pdfsig.Sign(draft, signedFile, "personal");
        var unsigned = await DraftFile("chua-ky.pdf");
        Assert.ThrowsAsync<InvalidRequestException>(() => Upload(submitted.Id, unsigned, "ctich"), "a file without a signature");
        Assert.ThrowsAsync<AccessDeniedException>(() => Upload(submitted.Id, signedFile, "cvien"), "only the leader it was presented to");
        await Upload(submitted.Id, signedFile, "ctich");
        var numbered = await _outgoing.NumberAsync(submitted.Id, null, As("vthu"), CancellationToken.None);

        var file = await IssuedFile(numbered);
        var report = await SignatureFixtures.VerifyAsync(file, ValidationPolicy.Agency);
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalPassed), string.Join("; ",
            report.Signatures.SelectMany(s => s.Messages).Concat(report.Rules.Select(r => r.Message))));
        Assert.That(report.Signatures[0].ModificationsAfter, Is.EqualTo(ModificationLevel.Allowed));
        Assert.That(Pdfsig.Verify(file).All(v => v.SignatureValid));
        Assert.That(Tool.Run("pdftotext", [file, "-"]).Output, Does.Contain("01"));
    }

    [Test]
    public async Task A_page_changed_after_both_signatures_is_reported_as_a_modification_after_signing()
    {
        var submitted = await Draft();
        await _outgoing.SignAsync(submitted.Id, Key("personal"), SignaturePlacement.Invisible, As("ctich"), CancellationToken.None);
        var file = await IssuedFile(await _outgoing.NumberAsync(submitted.Id, null, As("vthu"), CancellationToken.None));
        int contents;
        string root;
        using (var document = UglyToad.PdfPig.PdfDocument.Open(file))
        {
            var structure = document.Structure;
            var pagesRef = (IndirectReferenceToken)structure.Catalog.CatalogDictionary.Data["Pages"];
            var pages = (DictionaryToken)structure.GetObject(pagesRef.Data).Data;
            var page = (DictionaryToken)structure.GetObject(((IndirectReferenceToken)((ArrayToken)pages.Data["Kids"]).Data[0]).Data).Data;
            contents = (int)((IndirectReferenceToken)page.Data["Contents"]).Data.ObjectNumber;
            root = $"{structure.Trailer.Root.ObjectNumber} 0 R";
        }
        var forged = PdfBytes.Write(PdfBytes.AppendUpdate(await File.ReadAllBytesAsync(file),
            new Dictionary<int, string> { [contents] = PdfBytes.Stream("BT /F1 24 Tf 72 720 Td (So: 99) Tj ET") }, root), "sua-sau-ky.pdf");

        var report = await SignatureFixtures.VerifyAsync(forged, ValidationPolicy.Agency);
        Assert.That(report.Signatures.Select(s => s.ModificationsAfter), Is.All.EqualTo(ModificationLevel.Disallowed),
            OpensslSignedPdfTests.Describe(report));
        Assert.That(report.Indication, Is.EqualTo(SignatureIndication.TotalFailed));
        var verify = await Cli.RunAsync("verify", forged, "--trust", SignatureFixtures.Anchors, "--crl", SignatureFixtures.Crls);
        Assert.That(verify.ExitCode, Is.Not.Zero, verify.ToString());
    }

    [TestCase("certified-p1.pdf")]
    [TestCase("certified-p2.pdf")]
    public void A_certifying_signature_that_forbids_annotations_is_refused_before_numbering(string certified)
    {
        var output = Path.Combine(SignatureFixtures.TempFolder(), "so.pdf");
        var refused = Assert.ThrowsAsync<InvalidDataException>(() =>
            NumberStamp.WriteAsync(SignatureFixtures.SignedFile(certified), output, "07", CancellationToken.None))!;
        Assert.That(refused.Message, Does.Contain("DocMDP"));
        Assert.That(File.Exists(output), Is.False, "nothing written");
    }

    [Test]
    public async Task A_draft_without_a_place_for_the_number_is_refused_and_keeps_its_signature()
    {
        await using var content = File.OpenRead(SamplePdf.Write(Path.Combine(_data, "khong-so.pdf"), "Cong van khong co so"));
        var draft = await _issuing.DraftAsync(new NewOutgoingDocument("Công văn", "UBND-VP", "Không có chỗ ghi số", Dossier,
            [new OutgoingRecipient { OrganId = "000.00.01.H42", OrganName = "Sở Nội vụ" }]), content, As("cvien"), CancellationToken.None);
        _issuing.Submit(draft.Id, "ctich", null, As("cvien"));
        await _outgoing.SignAsync(draft.Id, Key("personal"), SignaturePlacement.Invisible, As("ctich"), CancellationToken.None);
        var refused = Assert.ThrowsAsync<InvalidRequestException>(() => _outgoing.NumberAsync(draft.Id, null, As("vthu"),
            CancellationToken.None))!;
        Assert.That(refused.Message, Does.Contain("Không tìm thấy chỗ ghi số"));
        var kept = _issuing.Get(draft.Id, As("vthu"));
        Assert.That((kept.Status, kept.Number, kept.DocumentId), Is.EqualTo((OutgoingStatus.Signed, (int?)1, (string?)null)),
            "still signed, its number kept for the next attempt, nothing filed");
    }
}
