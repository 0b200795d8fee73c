using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Processing;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Application;

/// <summary>
/// Processing of incoming documents on a fake clock in the agency's time zone (UTC+7): presenting (urgent ones flagged once late),
/// assigning a lead and cooperating ones with a deadline, progress and completion by the assignees only, reassignment kept in the
/// history, overdue and due-soon lists, and bad input refused with nothing changed.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ProcessingServiceTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private const string Dossier = "000.00.00.H42.2026.01.VBD";
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch);
    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private AccountService _accounts = null!;
    private RecordsInbox _inbox = null!;
    private ProcessingService _processing = null!;

    [SetUp]
    public void CreateArchive()
    {
        _clock.Now = new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.FromHours(7));
        _folder = new TempFolder("archive-data");
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), _clock, Logger.None, catalog: engine.NewCatalog());
        var policy = new AccessPolicy();
        var catalog = new CatalogService(_store, _clock, null, policy);
        _accounts = new AccountService(_store, policy, _clock);
        _inbox = new RecordsInbox(_store, _clock, null, policy);
        _processing = new ProcessingService(_store, policy, _clock);
        catalog.CreateAgency(Agency, "Sở Nội vụ tỉnh Hà Tĩnh", null, Operator);
        catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2026").With("FileNotation", "01.VBD")
            .With("Title", "Văn bản đến năm 2026").With("Maintenance", "10 năm"), Operator);
        foreach (var (login, role, unit) in new[]
                 {
                     ("vthu", "van-thu", (string?)null), ("gdoc", "lanh-dao", null), ("cvien", "chuyen-vien", "Phòng Tổ chức"),
                     ("cvien2", "chuyen-vien", "Phòng Tổ chức"), ("khoa", "chuyen-vien", "Văn phòng"),
                 })
            _accounts.Create(new NewAccount(login, $"Người {login}", Agency, unit, [role], "Luu-tru-2019-HT"), Operator);
        _accounts.Disable("khoa", Operator);
    }

    [TearDown]
    public void Delete()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private Actor As(string login) => _accounts.ActAs(login, "unit-test", NetworkZone.Networked);

    private async Task<string> Register(string number, string? priority = null)
    {
        await using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"công văn {number}"));
        var item = await _inbox.ReceiveAsync(content, new Reception($"cv-{number}.pdf", "PDF", Tt02Metadata.Empty
            .With("TypeName", "Công văn").With("OrganName", "UBND huyện Can Lộc").With("CodeNumber", number)
            .With("CodeNotation", "UBND-NV").With("IssuedDate", "2026-12-01").With("Subject", $"Về việc số {number}")
            .With("PageAmount", "1"), [],
            Priority: priority), As("vthu"), CancellationToken.None);
        return (await _inbox.AcceptAsync(item.Id, Dossier, null, As("vthu"), CancellationToken.None)).Arrival.Id;
    }

    private static Assignment To(string? lead, DateOnly deadline, string? leadUnit = null, string[]? cooperating = null,
        string? reason = null) =>
        new(lead, leadUnit, cooperating ?? [], [], deadline, "Đề nghị tham mưu trả lời", reason);

    [Test]
    public async Task A_document_is_presented_assigned_worked_on_and_completed_with_every_step_kept()
    {
        var arrival = await Register("101");
        Assert.Throws<AccessDeniedException>(() => _processing.Present(arrival, "gdoc", As("cvien")), "the records officer presents");
        var presented = _processing.Present(arrival, "gdoc", As("vthu"));
        Assert.That(presented.Summary, Does.Contain("101/UBND-NV").And.Contain("Về việc số 101"));
        Assert.Throws<CatalogConflictException>(() => _processing.Present(arrival, "gdoc", As("vthu")), "presented once");

        Assert.Throws<AccessDeniedException>(() => _processing.Assign(arrival, To("cvien", new(2026, 12, 15)), As("vthu")));
        var assigned = _processing.Assign(arrival, To("cvien", new(2026, 12, 15), cooperating: ["cvien2"]), As("gdoc"));
        Assert.That((assigned.Status, assigned.Lead, assigned.Cooperating.Single()),
            Is.EqualTo((ProcessingStatus.Assigned, "user:cvien", "user:cvien2")));

        Assert.Throws<AccessDeniedException>(() => _processing.Progress(arrival, "Đã xem", null, As("vthu")), "not an assignee");
        _processing.Progress(arrival, "Đã lấy ý kiến các phòng", null, As("cvien2"));
        Assert.Throws<AccessDeniedException>(() => _processing.Complete(arrival, "Xong", null, As("cvien2")), "only the lead completes");
        var done = _processing.Complete(arrival, "Đã trình dự thảo trả lời", presented.DocumentId, As("cvien"));

        Assert.That(done.Status, Is.EqualTo(ProcessingStatus.Done));
        Assert.That(done.History.Select(e => (e.Kind, e.By)), Is.EqualTo(new[]
        {
            (TaskEntryKind.Present, "vthu"), (TaskEntryKind.Assign, "gdoc"), (TaskEntryKind.Progress, "cvien2"),
            (TaskEntryKind.Complete, "cvien"),
        }));
        Assert.That(done.History[^1].ResultDocumentId, Is.EqualTo(presented.DocumentId));
        Assert.That(_processing.Tasks(As("cvien")), Is.Empty, "done tasks leave the open list");
        Assert.That(_store.Catalog.AuditEntries().Select(e => e.Action),
            Does.Contain("task.present").And.Contain("task.assign").And.Contain("task.progress").And.Contain("task.complete"));
    }

    [Test]
    public async Task Reassignment_to_a_unit_is_kept_in_the_history_and_the_units_members_take_the_work()
    {
        var arrival = await Register("102");
        _processing.Present(arrival, "gdoc", As("vthu"));
        _processing.Assign(arrival, To("cvien", new(2026, 12, 20)), As("gdoc"));
        Assert.Throws<InvalidRequestException>(() => _processing.Assign(arrival, To("cvien2", new(2026, 12, 20)), As("gdoc")),
            "a reassignment needs its reason");
        var again = _processing.Assign(arrival, To(null, new(2026, 12, 22), leadUnit: "Phòng Tổ chức", reason: "Chuyển phòng chuyên môn"),
            As("gdoc"));
        Assert.That(again.Lead, Is.EqualTo($"unit:{Agency}/Phòng Tổ chức"));
        Assert.That(again.History.Select(e => e.Kind),
            Is.EqualTo(new[] { TaskEntryKind.Present, TaskEntryKind.Assign, TaskEntryKind.Reassign }));
        Assert.That(again.History[^1].Note, Does.Contain("lý do giao lại: Chuyển phòng chuyên môn").And.Contain("hạn 22/12/2026"));
        Assert.That(_processing.Tasks(As("cvien2"), TaskFilter.Mine).Select(t => t.Id), Is.EqualTo(new[] { arrival }));
        _processing.Complete(arrival, "Xong", null, As("cvien2"));
    }

    [Test]
    public async Task Deadlines_are_days_of_the_agencys_calendar_and_overdue_and_due_soon_lists_follow_the_clock()
    {
        var soon = await Register("103");
        var later = await Register("104");
        foreach (var id in new[] { soon, later }) _processing.Present(id, "gdoc", As("vthu"));
        _processing.Assign(soon, To("cvien", new(2026, 12, 9)), As("gdoc"));
        _processing.Assign(later, To("cvien", new(2026, 12, 31)), As("gdoc"));
        Assert.That(_processing.Tasks(As("cvien"), TaskFilter.DueSoon).Select(t => t.Id), Is.EqualTo(new[] { soon }));
        Assert.That(_processing.Tasks(As("cvien"), TaskFilter.Overdue), Is.Empty);

        // 23:30 UTC on the 9th is already the 10th in Hà Tĩnh: the deadline of the 9th has passed there.
        _clock.Now = new DateTimeOffset(2026, 12, 9, 23, 30, 0, TimeSpan.Zero);
        Assert.That(_processing.Tasks(As("gdoc"), TaskFilter.Overdue).Select(t => t.Id), Is.EqualTo(new[] { soon }));
        _clock.Now = new DateTimeOffset(2026, 12, 9, 16, 30, 0, TimeSpan.Zero);
        Assert.That(_processing.Tasks(As("gdoc"), TaskFilter.Overdue), Is.Empty, "23:30 on the 9th in Hà Tĩnh: still due today");
    }

    [Test]
    public async Task An_urgent_document_not_presented_in_time_is_flagged_and_an_ordinary_one_at_the_end_of_its_day()
    {
        await Register("105", "Hỏa tốc");
        await Register("106");
        Assert.That(_processing.Unpresented(As("vthu")).Select(u => u.Late), Is.EqualTo(new[] { false, false }));
        _clock.Now = _clock.Now.AddHours(3);
        Assert.That(_processing.Unpresented(As("vthu")).Select(u => (u.Arrival.Priority, u.Late)),
            Is.EqualTo(new[] { ("Hỏa tốc", true), ((string?)null, false) }));
        _clock.Now = new DateTimeOffset(2026, 12, 8, 0, 1, 0, TimeSpan.FromHours(7));
        Assert.That(_processing.Unpresented(As("vthu")).All(u => u.Late), Is.True);
    }

    [Test]
    public async Task Bad_assignments_are_refused_and_change_nothing()
    {
        var arrival = await Register("107");
        Assert.Throws<CatalogNotFoundException>(() => _processing.Assign(arrival, To("cvien", new(2026, 12, 15)), As("gdoc")),
            "not presented yet");
        Assert.That(Assert.Throws<InvalidRequestException>(() => _processing.Present(arrival, "cvien", As("vthu")))!.Message,
            Does.Contain("không phải lãnh đạo"));
        _processing.Present(arrival, "gdoc", As("vthu"));
        var before = _store.Catalog.AuditEntries().Count;
        Assert.That(Assert.Throws<InvalidRequestException>(() => _processing.Assign(arrival, To("cvien", new(2026, 12, 6)), As("gdoc")))!
            .Message, Does.Contain("Hạn giải quyết 06/12/2026 đã qua"));
        Assert.That(Assert.Throws<InvalidRequestException>(() => _processing.Assign(arrival, To("khoa", new(2026, 12, 15)), As("gdoc")))!
            .Message, Does.Contain("khoa đã bị khóa"));
        Assert.That(Assert.Throws<InvalidRequestException>(() =>
            _processing.Assign(arrival, To(null, new(2026, 12, 15), leadUnit: "Văn phòng"), As("gdoc")))!.Message,
            Does.Contain("đơn vị không còn ai"), "its only member is disabled");
        Assert.Throws<InvalidRequestException>(() => _processing.Assign(arrival, To("nobody", new(2026, 12, 15)), As("gdoc")));
        Assert.Throws<CatalogConflictException>(() => _processing.Progress(arrival, "Sớm", null, Operator), "not assigned yet");
        Assert.That(_store.Catalog.AuditEntries(), Has.Count.EqualTo(before));
        Assert.That(_processing.Task(arrival, As("gdoc")).Status, Is.EqualTo(ProcessingStatus.Presented));
    }
}
