using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Disposal;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Application;

/// <summary>
/// Retention and disposal on a fake clock: the expiry list, the council's three decisions, holds that block approval and
/// destruction, approval by the head of the agency only, and a destruction that removes the content (and nothing else's),
/// keeps the metadata, records a PREMIS deletion event, and leaves fixity with nothing to report.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class DisposalServiceTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private const string Expired = "000.00.00.H42.2015.01.TH";
    private const string Kept = "000.00.00.H42.2016.02.TH";
    private const string Current = "000.00.00.H42.2024.03.TH";
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch);
    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private CatalogService _catalog = null!;
    private AccountService _accounts = null!;
    private DisposalService _disposal = null!;
    private readonly Dictionary<string, byte[]> _contents = [];

    [SetUp]
    public async Task FileDossiers()
    {
        _contents.Clear();
        _clock.Now = new DateTimeOffset(2016, 3, 1, 9, 0, 0, TimeSpan.FromHours(7));
        _folder = new TempFolder("archive-data");
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), _clock, Logger.None, catalog: engine.NewCatalog());
        var policy = new AccessPolicy();
        _catalog = new CatalogService(_store, _clock, null, policy);
        _accounts = new AccountService(_store, policy, _clock);
        _disposal = new DisposalService(_store, _catalog, policy, _clock);
        _catalog.CreateAgency(Agency, "Ủy ban nhân dân tỉnh Hà Tĩnh", null, Operator);
        _accounts.Create(new NewAccount("ltv", "Lưu trữ viên", Agency, null, [Role.Archivist.Code], "Luu-tru-2019-HT"), Operator);
        _accounts.Create(new NewAccount("giam-doc", "Thủ trưởng", Agency, null, [Role.Leader.Code], "Luu-tru-2019-HT"), Operator);
        _accounts.Create(new NewAccount("truong-phong", "Trưởng phòng", Agency, "Phòng Nội vụ", [Role.Leader.Code], "Luu-tru-2019-HT"),
            Operator);
        await Dossier(Expired, "5 năm", "2015-06-01", 2);   // retention ends 31/12/2020
        await Dossier(Kept, "10 năm", "2016-01-04", 1);     // ends 31/12/2026
        _clock.Now = new DateTimeOffset(2024, 5, 1, 9, 0, 0, TimeSpan.FromHours(7));
        await Dossier(Current, "10 năm", "2024-04-01", 1);  // ends 31/12/2034
        _clock.Now = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7));
    }

    [TearDown]
    public void Delete()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private Actor As(string login) => _accounts.ActAs(login, "unit-test", NetworkZone.Networked);

    private async Task Dossier(string code, string maintenance, string issued, int documents)
    {
        var parts = DossierCode.Parse(code);
        _catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", $"{parts.Year}")
            .With("FileNotation", parts.FileNotation).With("Title", $"Hồ sơ {parts.FileNotation}").With("Maintenance", maintenance),
            Operator);
        for (var i = 0; i < documents; i++)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes($"{code} văn bản {i}");
            using var content = new MemoryStream(bytes);
            var filed = await new DocumentFiling(_store, _clock).FileAsync(code, Tt02Metadata.Empty.With("TypeName", "Công văn")
                .With("OrganName", "Sở Nội vụ").With("IssuedDate", issued), content, Operator, CancellationToken.None);
            _contents[filed.Id] = bytes;
        }
        _catalog.CloseDossier(code, Operator);
    }

    private void ReviewForDestruction(string code = Expired) =>
        _disposal.Review(code, AppraisalDecision.Destroy, "Biên bản họp Hội đồng số 05/BB-HĐ ngày 20/11/2026",
            null, "Hết giá trị", As("ltv"));

    private async Task<Destruction> DestroyAsync(string code = Expired)
    {
        var plan = _disposal.Plan([code], As("ltv"));
        return await _disposal.DestroyAsync(plan, "HUY.000.00.00.H42.20261210T090000", "biên bản hủy"u8.ToArray(), As("ltv"),
            CancellationToken.None);
    }

    [Test]
    public void The_expiry_list_has_dossiers_whose_retention_has_ended_or_ends_within_30_days()
    {
        Assert.That(_disposal.Expiring(As("ltv")).Select(c => $"{c.Dossier.FileCode} {c.RetentionEnds:yyyy-MM-dd} {c.Ended}"),
            Is.EqualTo(new[] { $"{Expired} 2020-12-31 True", $"{Kept} 2026-12-31 False" }));
        Assert.That(_disposal.Expiring(As("giam-doc"), withinDays: 10).Select(c => c.Dossier.FileCode.Value),
            Is.EqualTo(new[] { Expired }));
        Assert.That(_disposal.Expiring(As("ltv"))[0].State, Is.EqualTo("chờ Hội đồng xác định giá trị"));
        Assert.That(_disposal.Expiring(As("truong-phong")), Is.Empty, "a unit leader sees its unit's dossiers only");
    }

    [Test]
    public void The_council_keeps_a_dossier_longer_or_makes_it_permanent_and_it_leaves_the_list()
    {
        Assert.Throws<InvalidRequestException>(() =>
            _disposal.Review(Expired, AppraisalDecision.Keep, "BB số 05", RetentionPeriod.FromYears(5), null, As("ltv")));
        var kept = _disposal.Review(Expired, AppraisalDecision.Keep, "BB số 05", RetentionPeriod.FromYears(20), null, As("ltv"));
        Assert.That(kept.Maintenance, Is.EqualTo(RetentionPeriod.FromYears(20)));
        Assert.That(_disposal.Expiring(As("ltv")).Select(c => c.Dossier.FileCode.Value), Is.EqualTo(new[] { Kept }));

        var permanent = _disposal.Review(Kept, AppraisalDecision.Transfer, "BB số 06", null, null, As("ltv"));
        Assert.That(permanent.Maintenance.IsPermanent, Is.True);
        Assert.Throws<DossierLifecycleException>(() => ReviewForDestruction(Kept), "a permanent dossier is never destroyed");
        var early = Assert.Throws<DossierLifecycleException>(() => ReviewForDestruction(Current))!;
        Assert.That(early.Message, Does.Contain("còn thời hạn bảo quản đến hết ngày 31/12/2034"));
        Assert.That(_store.Catalog.AuditEntries().Count(e => e.Action == "dossier.appraise"), Is.EqualTo(2));
    }

    [Test]
    public void Only_the_head_of_the_agency_approves_and_a_hold_blocks_approval_and_destruction()
    {
        Assert.Throws<DossierLifecycleException>(() => _disposal.Approve([Expired], As("giam-doc")), "no council decision yet");
        ReviewForDestruction();
        Assert.Throws<AccessDeniedException>(() => _disposal.Approve([Expired], As("ltv")));
        var unitLeader = Assert.Throws<AccessDeniedException>(() => _disposal.Approve([Expired], As("truong-phong")))!;
        Assert.That(unitLeader.Message, Does.Contain("Chỉ người đứng đầu cơ quan"));

        var hold = _disposal.Hold(Expired, "Đang thanh tra", As("giam-doc"));
        var held = Assert.Throws<DossierLifecycleException>(() => _disposal.Approve([Expired], As("giam-doc")))!;
        Assert.That(held.Message, Does.Contain("đang bị giữ (Đang thanh tra"));
        _disposal.Release(Expired, hold.Id, "Đã kết thúc thanh tra", As("ltv"));
        _disposal.Approve([Expired], As("giam-doc"));

        _disposal.Hold(Expired, "Khiếu nại", As("ltv"));
        Assert.That(Assert.Throws<DossierLifecycleException>(() => _disposal.Plan([Expired], As("ltv")))!.Message,
            Does.Contain("không được hủy khi lệnh giữ còn hiệu lực"));
        Assert.That(_disposal.Expiring(As("ltv"))[0].State, Does.StartWith("đang bị giữ (Khiếu nại"));
    }

    [Test]
    public async Task Destruction_removes_the_content_keeps_the_metadata_and_fixity_has_nothing_to_report()
    {
        ReviewForDestruction();
        Assert.Throws<DossierLifecycleException>(() => _disposal.Plan([Expired], As("ltv")), "not approved yet");
        _disposal.Approve([Expired], As("giam-doc"));
        var documents = _catalog.Dossier(Expired, Operator).Documents;
        var digests = documents.Select(d => Sha256Digest.Compute(_contents[d.Id])).ToList();
        Assert.That(digests.All(_store.Blobs.Exists), Is.True);

        var done = await DestroyAsync();

        Assert.That(done.Dossiers, Is.EqualTo(new[] { Expired }));
        Assert.That(done.Documents, Is.EqualTo(2));
        Assert.That(done.FilesRemoved, Is.EqualTo(2));
        Assert.That(digests.Any(_store.Blobs.Exists), Is.False, "the originals are gone from the blob store");
        var tombstone = _catalog.Dossier(Expired, Operator);
        Assert.That(tombstone.Dossier.Status, Is.EqualTo(DossierStatus.Destroyed));
        Assert.That(tombstone.Dossier.DestroyedIn, Is.EqualTo(done.Record));
        Assert.That(tombstone.Documents.Select(d => d.Id), Is.EquivalentTo(documents.Select(d => d.Id)), "the metadata stays");
        Assert.That(tombstone.Dossier.RemovedContent, Is.EquivalentTo(digests.Select(d => d.Hex)));
        Assert.That(_store.Blobs.Exists(Sha256Digest.Parse(done.RecordSha256)), Is.True, "the record is kept");
        var events = _store.Catalog.Read(s => s.Events.Where(e => e.Type == PremisEventType.Deletion));
        Assert.That(events.Select(e => e.ObjectId), Is.EquivalentTo(documents.Select(d => d.Id)));

        var read = Assert.ThrowsAsync<CatalogNotFoundException>(() =>
            new DocumentContent(_store, _catalog).OpenAsync(documents[0].Id, Representation.Original, Operator, CancellationToken.None))!;
        Assert.That(read.Message, Does.Contain($"đã bị hủy ngày 10/12/2026 theo biên bản {done.Record}"));
        var fixity = await new FixityCheck(_store, _clock, Logger.None).RunAsync(FixityOptions.Default, Operator, null,
            CancellationToken.None);
        Assert.That(fixity.Findings, Is.Empty, "nothing missing, nothing left unreferenced");
        Assert.That(_store.CheckConsistency().MissingBlobs, Is.Empty);

        // The other dossiers keep their content; a second run has nothing to do and says so.
        Assert.That(_catalog.Dossier(Kept, Operator).Documents.Select(d => Sha256Digest.Compute(_contents[d.Id])).All(_store.Blobs.Exists));
        Assert.That(Assert.Throws<DossierLifecycleException>(() => _disposal.Plan([Expired], As("ltv")))!.Message,
            Does.Contain("đã bị hủy theo"));
        Assert.That(_store.Catalog.AuditEntries().Select(e => e.Action), Does.Contain("dossier.destroy").And.Contain("dossier.purge"));
    }

    [Test]
    public async Task The_same_bytes_are_never_filed_as_a_second_document_so_no_destruction_takes_another_documents_content()
    {
        var shared = _catalog.Dossier(Expired, Operator).Documents[0];
        _catalog.ReopenDossier(Current, "Bổ sung văn bản", Operator);
        using var content = new MemoryStream(_contents[shared.Id]);
        var duplicate = Assert.ThrowsAsync<CatalogConflictException>(() => new DocumentFiling(_store, _clock).FileAsync(Current,
            Tt02Metadata.Empty.With("TypeName", "Công văn").With("OrganName", "Sở Nội vụ").With("IssuedDate", "2024-04-02"), content,
            Operator, CancellationToken.None))!;
        Assert.That(duplicate.Message, Does.Contain("Trùng: tệp giống hệt"));
        Assert.That(_catalog.Dossier(Current, Operator).Documents, Has.Count.EqualTo(1));
        await using var original = await new DocumentContent(_store, _catalog).OpenAsync(shared.Id, Representation.Original,
            Operator, CancellationToken.None);
        Assert.That(original.Content.CanRead, Is.True, "the first keeps its original");
    }
}
