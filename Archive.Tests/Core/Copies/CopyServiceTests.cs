using System.Security.Cryptography;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Copies;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Copies;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class CopyServiceTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private TestArchive _archive = null!;
    private AccessPolicy _policy = null!;
    private AccountService _accounts = null!;
    private string _document = null!;
    private string _threePages = null!;

    [SetUp]
    public async Task CreateArchive()
    {
        _archive = new TestArchive(engine);
        _policy = new AccessPolicy();
        _accounts = new AccountService(_archive.Store, _policy, TimeProvider.System);
        _document = (await _archive.FileDocumentsAsync(1))[0].Id;
        await using var content = new MemoryStream(RandomNumberGenerator.GetBytes(256));
        _threePages = (await new DocumentFiling(_archive.Store, TimeProvider.System).FileAsync("000.00.00.H42.2019.01.TH",
            Tt02Metadata.Empty.With("TypeName", "Quyết định").With("OrganName", "Sở Nội vụ").With("Subject", "Về việc ba trang")
                .With("PageAmount", "3"), content, TestArchive.Tester, CancellationToken.None)).Id;
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("ldao", "lanh-dao"), ("ldao2", "lanh-dao") })
            _accounts.Create(new NewAccount(login, login, Agency, null, [role], "Luu-tru-2019-HT"), TestArchive.Tester);
    }

    [TearDown]
    public void Close() => _archive.Dispose();

    private CopyService Copies(CopyApproval? approval = null) => new(_archive.Store, _policy, approval ?? CopyApproval.Leaders,
        TimeProvider.System);

    private Actor As(string login) => _accounts.ActAs(login, "unit-test", NetworkZone.Networked);

    private int AuditCount => _archive.Store.Catalog.AuditEntries().Count;

    [Test]
    public void A_request_is_numbered_in_its_year_approved_by_a_leader_and_every_step_audited()
    {
        var copies = Copies();
        var first = copies.Request(new NewCopyRequest(_document, "sao-y", "Cung cấp cho tòa án", "Tòa án nhân dân tỉnh Hà Tĩnh"),
            As("vthu"));
        var second = copies.Request(new NewCopyRequest(_threePages, "TrS", "Trích trang 2", "Công dân Nguyễn Văn A", " 2 "), As("vthu"));

        var year = DateTimeOffset.Now.Year;
        Assert.That((first.Id, second.Id), Is.EqualTo(($"{year}-000001", $"{year}-000002")));
        Assert.That((first.CopyForm, first.Status, first.OrganId), Is.EqualTo((CopyForm.SaoY, CopyRequestStatus.Requested, Agency)));
        Assert.That(second.Pages, Is.EqualTo("2"));

        var approved = copies.Approve(first.Id, As("ldao"));
        Assert.That((approved.Status, approved.DecidedBy), Is.EqualTo((CopyRequestStatus.Approved, "ldao")));
        var refused = copies.Refuse(second.Id, "Công dân không có quyền nhận văn bản này", As("ldao"));
        Assert.That((refused.Status, refused.RefusalReason),
            Is.EqualTo((CopyRequestStatus.Refused, "Công dân không có quyền nhận văn bản này")));
        Assert.That(copies.Get(first.Id, As("vthu")).Status, Is.EqualTo(CopyRequestStatus.Approved), "kept in the catalog");

        var audit = _archive.Store.Catalog.AuditEntries().Where(e => e.ObjectType == nameof(CopyRequest)).ToList();
        Assert.That(audit.Select(e => (e.Action, e.ObjectId, e.Actor)), Is.EqualTo(new[]
        {
            ("copy.request", first.Id, "vthu"), ("copy.request", second.Id, "vthu"), ("copy.approve", first.Id, "ldao"),
            ("copy.refuse", second.Id, "ldao"),
        }));
        Assert.That(audit[3].After, Does.Contain("TRÍCH SAO").And.Contain("trang 2").And.Contain("không có quyền nhận"));
    }

    [Test]
    public void A_decision_is_made_once_by_the_configured_approver_of_the_agency_and_never_on_ones_own_request()
    {
        var copies = Copies();
        var request = copies.Request(new NewCopyRequest(_document, "sao-y", "Lưu hồ sơ", "Sở Tư pháp"), As("ldao2"));
        var before = AuditCount;

        Assert.That(() => copies.Approve(request.Id, As("ldao2")),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("Không tự phê duyệt"));
        Assert.That(() => copies.Approve(request.Id, As("vthu")),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("lãnh đạo phê duyệt"));
        Assert.That(() => Copies(CopyApproval.Parse("van-thu")).Approve(request.Id, As("ldao")),
            Throws.TypeOf<AccessDeniedException>().With.Message.Contains("văn thư phê duyệt"));
        Assert.That(() => copies.Refuse(request.Id, "  ", As("ldao")),
            Throws.TypeOf<InvalidRequestException>().With.Message.Contains("Lý do từ chối"));
        Assert.That(AuditCount, Is.EqualTo(before), "nothing written by a refused decision");

        Assert.That(Copies(CopyApproval.Parse("van-thu")).Approve(request.Id, As("vthu")).Status, Is.EqualTo(CopyRequestStatus.Approved));
        Assert.That(() => copies.Refuse(request.Id, "Đổi ý", As("ldao")),
            Throws.TypeOf<InvalidRequestException>().With.Message.Contains("đã được duyệt"));
        Assert.That(() => CopyApproval.Parse("chuyen-vien"), Throws.ArgumentException);
    }

    [TestCase("trich-sao", null, "ít nhất một trang")]
    [TestCase("trich-sao", "2-5", "chỉ có 3 trang; không có trang 4, 5")]
    [TestCase("trich-sao", "3-1", "ngược")]
    [TestCase("trich-sao", "0", "bắt đầu từ 1")]
    [TestCase("trich-sao", "hai", "không hợp lệ")]
    [TestCase("sao-y", "1", "Chỉ trích sao mới chọn trang")]
    [TestCase("sao-luc", null, "Sao lục làm từ một bản sao y")]
    [TestCase("ban-chinh", null, "Hình thức sao 'ban-chinh' không có")]
    public void A_wrong_request_is_refused_naming_the_problem_and_nothing_is_written(string form, string? pages, string message)
    {
        var before = AuditCount;
        Assert.That(() => Copies().Request(new NewCopyRequest(_threePages, form, "Mục đích", "Nơi nhận", pages), As("vthu")),
            Throws.TypeOf<InvalidRequestException>().With.Message.Contains(message));
        Assert.That(AuditCount, Is.EqualTo(before));
        Assert.That(_archive.Store.Catalog.Read(s => s.CopyRequests.Count()), Is.Zero);
    }

    [Test]
    public void A_sao_luc_is_made_only_from_an_issued_sao_y_of_the_same_document()
    {
        var copies = Copies();
        var saoY = copies.Request(new NewCopyRequest(_document, "sao-y", "Lưu", "Sở Tư pháp"), As("vthu"));
        var other = copies.Request(new NewCopyRequest(_threePages, "sao-y", "Lưu", "Sở Tư pháp"), As("vthu"));

        Assert.That(() => copies.Request(new NewCopyRequest(_document, "sao-luc", "Lưu", "Tòa án", SourceRequest: other.Id), As("vthu")),
            Throws.TypeOf<InvalidRequestException>().With.Message.Contains($"không phải bản sao y của văn bản {_document}"));
        Assert.That(() => copies.Request(new NewCopyRequest(_document, "sao-luc", "Lưu", "Tòa án", SourceRequest: saoY.Id), As("vthu")),
            Throws.TypeOf<InvalidRequestException>().With.Message.Contains("chưa được cấp (chờ phê duyệt)"));
        Assert.That(() => copies.Request(new NewCopyRequest(_document, "sao-y", "Lưu", "Tòa án", SourceRequest: saoY.Id), As("vthu")),
            Throws.TypeOf<InvalidRequestException>().With.Message.Contains("Chỉ sao lục"));
    }

    [Test]
    public void Each_user_lists_its_own_requests_and_an_approver_those_of_its_agency()
    {
        var copies = Copies();
        var mine = copies.Request(new NewCopyRequest(_document, "sao-y", "Lưu", "Sở Tư pháp"), As("vthu"));
        var leaders = copies.Request(new NewCopyRequest(_document, "sao-y", "Lưu", "Sở Tài chính"), As("ldao2"));

        Assert.That(copies.List(As("vthu")).Select(r => r.Id), Is.EqualTo(new[] { mine.Id }));
        Assert.That(copies.List(As("ldao")).Select(r => r.Id), Is.EqualTo(new[] { leaders.Id, mine.Id }), "newest first");
        Assert.That(copies.List(As("ldao"), CopyRequestStatus.Approved), Is.Empty);
        Assert.That(() => copies.Get("2000-000009", As("ldao")), Throws.TypeOf<CatalogNotFoundException>());
    }

    [TestCase("1-3, 5,3", "1-3,5")]
    [TestCase("7", "7")]
    [TestCase("2,4,6-7", "2,4,6-7")]
    public void Pages_are_read_as_people_write_them(string typed, string canonical) =>
        Assert.That(PageSelection.Parse(typed).Text, Is.EqualTo(canonical));
}
