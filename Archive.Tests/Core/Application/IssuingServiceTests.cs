using System.Security.Cryptography;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Application;

/// <summary>
/// The register side of issuing on a fake clock (UTC+7): numbers per register and year with no gap and no repeat under 100
/// concurrent requests, 1 January restarting at 01, a number kept by its document across a failed attempt; status messages
/// updating the right recipient; and bad input (a past deadline, a disabled or non-leader signer, numbering before the personal
/// signature or on another day, a status for an unknown document or from an agency it was not sent to) refused, nothing changed.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class IssuingServiceTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private const string Dossier = "000.00.00.H42.2026.05.VBDI";
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch);
    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private AccountService _accounts = null!;
    private IssuingService _issuing = null!;

    [SetUp]
    public void CreateArchive()
    {
        _clock.Now = new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.FromHours(7));
        _folder = new TempFolder("archive-data");
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), _clock, Logger.None, catalog: engine.NewCatalog());
        var policy = new AccessPolicy();
        var catalog = new CatalogService(_store, _clock, null, policy);
        _accounts = new AccountService(_store, policy, _clock);
        _issuing = new IssuingService(_store, catalog, new DocumentFiling(_store, _clock, null, policy), policy, _clock);
        catalog.CreateAgency(Agency, "UBND tỉnh Hà Tĩnh", null, Operator);
        catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2026").With("FileNotation", "05.VBDI")
            .With("Title", "Văn bản đi năm 2026").With("Maintenance", "Vĩnh viễn"), Operator);
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("ctich", "lanh-dao"), ("pct", "lanh-dao"), ("cvien", "chuyen-vien") })
            _accounts.Create(new NewAccount(login, $"Người {login}", Agency, null, [role], "Luu-tru-2019-HT"), Operator);
        _accounts.Disable("pct", Operator);
    }

    [TearDown]
    public void Delete()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private Actor As(string login) => _accounts.ActAs(login, "unit-test", NetworkZone.Networked);

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    private static readonly OutgoingRecipient[] Recipients =
    [
        new() { OrganId = "000.00.01.H42", OrganName = "Sở Nội vụ" },
        new() { OrganId = "000.00.02.H42", OrganName = "Sở Tư pháp" },
    ];

    private NewOutgoingDocument New(string subject, DateOnly? due = null, string register = NewOutgoingDocument.DefaultRegister,
        IReadOnlyList<OutgoingRecipient>? recipients = null) =>
        new("Công văn", "UBND-VP", subject, Dossier, recipients ?? Recipients, null, due, 1, register);

    private async Task<OutgoingDocument> Drafted(NewOutgoingDocument request)
    {
        await using var content = new MemoryStream(RandomNumberGenerator.GetBytes(64));
        return await _issuing.DraftAsync(request, content, As("cvien"), CancellationToken.None);
    }

    /// <summary>Drafted, presented and signed today (the signature itself is the ingest's concern, tested with real PDFs).</summary>
    private async Task<OutgoingDocument> Signed(string subject, string register = NewOutgoingDocument.DefaultRegister)
    {
        var draft = await Drafted(New(subject, register: register));
        _issuing.Submit(draft.Id, "ctich", null, As("cvien"));
        await using var signed = new MemoryStream(RandomNumberGenerator.GetBytes(64));
        return await _issuing.RecordSignatureAsync(draft.Id, signed, "Nguyễn Văn An", _clock.GetUtcNow(), As("ctich"),
            CancellationToken.None);
    }

    private OutgoingDocument Stored(string id) => _store.Catalog.Read(s => s.Outgoing.Get(id))!;

    [Test]
    public async Task A_hundred_concurrent_number_requests_get_1_to_100_each_exactly_once()
    {
        var documents = new List<OutgoingDocument>();
        for (var i = 0; i < 100; i++) documents.Add(await Signed($"Công văn {i}"));
        var other = await Signed("Sổ khác", register: "QĐ");

        var issues = await Task.WhenAll(documents.Select(d => Task.Run(() => _issuing.ReserveNumber(d.Id, As("vthu")))));

        Assert.That(issues.Select(i => i.Number).Order(), Is.EqualTo(Enumerable.Range(1, 100)));
        Assert.That(documents.Select(d => Stored(d.Id).Number).Order(), Is.EqualTo(Enumerable.Range(1, 100)), "as stored");
        Assert.That(_issuing.ReserveNumber(other.Id, As("vthu")).Number, Is.EqualTo(1), "each register numbers on its own");
        Assert.That(_issuing.ReserveNumber(documents[7].Id, As("vthu")).Number, Is.EqualTo(issues[7].Number),
            "a second attempt (after a failure writing the file) keeps the number: no gap");
    }

    [Test]
    public async Task The_first_of_January_restarts_the_numbering_at_01()
    {
        var december = await Signed("Ngày 31/12");
        Assert.That(_issuing.ReserveNumber(december.Id, As("vthu")).NumberText, Is.EqualTo("01"));
        var second = await Signed("Cũng ngày 31/12");
        Assert.That(_issuing.ReserveNumber(second.Id, As("vthu")).NumberText, Is.EqualTo("02"));

        _clock.Now = new DateTimeOffset(2027, 1, 1, 7, 30, 0, TimeSpan.FromHours(7));
        var january = await Signed("Ngày 01/01");
        var issue = _issuing.ReserveNumber(january.Id, As("vthu"));
        Assert.That((issue.NumberText, issue.IssueDate, Stored(january.Id).Year), Is.EqualTo(("01", new DateOnly(2027, 1, 1), 2027)));
    }

    [Test]
    public async Task Paper_and_electronic_documents_share_one_numbering()
    {
        var electronic = await Signed("Điện tử");
        Assert.That(_issuing.ReserveNumber(electronic.Id, As("vthu")).Number, Is.EqualTo(1));
        var paper = _issuing.RegisterPaper(New("Giấy, ký tay"), "Nguyễn Văn An", As("vthu"));
        Assert.That((paper.Code, paper.Status, paper.OnPaper, paper.IssueDate), Is.EqualTo(("02/UBND-VP", OutgoingStatus.Issued, true,
            (DateOnly?)Today)));
        var next = await Signed("Điện tử sau");
        Assert.That(_issuing.ReserveNumber(next.Id, As("vthu")).Number, Is.EqualTo(3));
        Assert.Throws<AccessDeniedException>(() => _issuing.RegisterPaper(New("Chuyên viên"), "Ai đó", As("cvien")),
            "numbers are the records officer's");
        var line = new OutgoingRegister(_store, new AccessPolicy(), _clock).Lines(null, null, As("vthu")).Single(l => l.Number == 2);
        Assert.That((line.Code, line.Signer, line.Note), Is.EqualTo(("02/UBND-VP", "Nguyễn Văn An", "Văn bản giấy")));
    }

    [Test]
    public async Task Numbering_is_refused_before_the_personal_signature_or_on_another_day_than_it()
    {
        var draft = await Drafted(New("Chưa ký"));
        Assert.Throws<InvalidRequestException>(() => _issuing.ReserveNumber(draft.Id, As("vthu")), "a draft");
        _issuing.Submit(draft.Id, "ctich", null, As("cvien"));
        var message = Assert.Throws<InvalidRequestException>(() => _issuing.ReserveNumber(draft.Id, As("vthu")))!.Message;
        Assert.That(message, Does.Contain("chưa có chữ ký số"));

        var yesterday = await Signed("Ký hôm qua");
        _clock.Now = _clock.Now.AddDays(1);
        message = Assert.Throws<InvalidRequestException>(() => _issuing.ReserveNumber(yesterday.Id, As("vthu")))!.Message;
        Assert.That(message, Does.Contain("Điều 12 khoản 2"));
        Assert.That(Stored(yesterday.Id).Number, Is.Null, "nothing changed");
        var returned = _issuing.Return(yesterday.Id, "Ký lại trong ngày ban hành", As("vthu"));
        Assert.That(returned.Status, Is.EqualTo(OutgoingStatus.Submitted), "back to the signer to sign again");
    }

    [Test]
    public async Task Bad_drafts_and_presentations_are_refused_with_nothing_changed()
    {
        var past = Assert.ThrowsAsync<InvalidRequestException>(() => Drafted(New("Hạn đã qua", due: Today.AddDays(-1))))!;
        Assert.That(past.Message, Does.Contain("đã qua"));
        Assert.ThrowsAsync<InvalidRequestException>(() => Drafted(New("Không nơi nhận", recipients: [])));
        Assert.ThrowsAsync<InvalidRequestException>(() => Drafted(New("Mã sai",
            recipients: [new OutgoingRecipient { OrganId = "../../etc", OrganName = "Sai" }])));
        Assert.That(_store.Catalog.Read(s => s.Outgoing.Count()), Is.Zero);

        var draft = await Drafted(New("Trình người đã khóa"));
        Assert.That(Assert.Throws<InvalidRequestException>(() => _issuing.Submit(draft.Id, "pct", null, As("cvien")))!.Message,
            Does.Contain("bị khóa"));
        Assert.Throws<InvalidRequestException>(() => _issuing.Submit(draft.Id, "vthu", null, As("cvien")), "not a leader");
        Assert.Throws<InvalidRequestException>(() => _issuing.Submit(draft.Id, "khong-co", null, As("cvien")));
        Assert.That(Stored(draft.Id).Status, Is.EqualTo(OutgoingStatus.Draft));
        Assert.That(Stored(draft.Id).History, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Status_messages_update_the_right_recipient_and_unknown_ones_are_refused()
    {
        var signed = await Signed("Phát hành rồi");
        var issue = _issuing.ReserveNumber(signed.Id, As("vthu"));
        await using (var sealedPdf = new MemoryStream(RandomNumberGenerator.GetBytes(64)))
            await _issuing.FileAsync(issue, sealedPdf, As("vthu"), CancellationToken.None);
        var issued = _issuing.MarkIssued(signed.Id, As("vthu"));
        Assert.That(issued.ExchangeId, Is.EqualTo($"{Agency},{Today:yyyy/MM/dd},01/UBND-VP"));

        var at = _clock.GetLocalNow().AddHours(1);
        var updated = _issuing.RecordDelivery(new DeliveryReport(issued.ExchangeId, null, null, "000.00.02.H42", DeliveryStatus.Returned,
            "Sai nơi nhận", at), As("vthu"));
        Assert.That(updated.Recipients.Select(r => (r.OrganId, r.Status)), Is.EqualTo(new[]
        {
            ("000.00.01.H42", DeliveryStatus.Sent), ("000.00.02.H42", DeliveryStatus.Returned),
        }));
        updated = _issuing.RecordDelivery(new DeliveryReport(null, "01/UBND-VP", Today, "000.00.01.H42", DeliveryStatus.Accepted, null,
            at), As("vthu"));
        Assert.That(updated.Recipients[0].Status, Is.EqualTo(DeliveryStatus.Accepted), "found by số, ký hiệu and date too");

        Assert.Throws<CatalogNotFoundException>(() => _issuing.RecordDelivery(new DeliveryReport($"{Agency},2026/01/01,99/UBND-VP", null,
            null, "000.00.01.H42", DeliveryStatus.Received, null, at), As("vthu")), "an unknown document");
        var stranger = Assert.Throws<InvalidRequestException>(() => _issuing.RecordDelivery(new DeliveryReport(issued.ExchangeId, null,
            null, "000.00.09.H42", DeliveryStatus.Received, null, at), As("vthu")))!;
        Assert.That(stranger.Message, Does.Contain("không gửi tới"));
        var stored = Stored(signed.Id);
        Assert.That(stored.Recipients.Select(r => r.Status), Is.EqualTo(new[] { DeliveryStatus.Accepted, DeliveryStatus.Returned }));
        Assert.That(stored.History.Count(e => e.Kind == Archive.Core.Processing.TaskEntryKind.Delivery), Is.EqualTo(2));

        var recalled = _issuing.Recall(signed.Id, "Sai sót nội dung", As("vthu"));
        Assert.That(recalled.Status, Is.EqualTo(OutgoingStatus.Recalled));
        Assert.Throws<CatalogConflictException>(() => _issuing.Recall(signed.Id, "Lần nữa", As("vthu")), "frozen");
    }
}
