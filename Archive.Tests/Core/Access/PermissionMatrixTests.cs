using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Copies;
using Archive.Core.Disposal;
using Archive.Core.Issuing;
using Archive.Core.Processing;
using Archive.Core.Storage;
using Archive.Core.Trust;
using Archive.Search;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Access;

/// <summary>
/// The whole permission matrix of README.md, each role × each operation, run through the application services: allowed
/// where the README says so, refused with <see cref="AccessDeniedException"/> (and nothing written) everywhere else.
/// The README's tables are also held equal to <see cref="Permissions"/>.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed partial class PermissionMatrixTests(CatalogEngine engine)
{
    private const string Agency = "000.00.00.H42";
    private const string Dossier = "000.00.00.H42.2019.01.TH";
    private const string OtherAgencyDossier = "000.00.00.H43.2019.01.TH";
    private const string ClosedDossier = "000.00.00.H42.2018.09.NL";
    private static readonly Actor Operator = Archive.Core.Audit.Actor.Operator("tester", "unit-test");

    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private AccessPolicy _policy = null!;
    private SearchIndex _index = null!;
    private CatalogService _catalog = null!;
    private AccountService _accounts = null!;
    private RecordsInbox _inbox = null!;
    private string _documentId = null!;
    private string _certificate = null!;
    private int _unique;
    private readonly Dictionary<string, string> _pending = [];
    private readonly Dictionary<string, string> _copyRequests = [];
    private readonly Dictionary<string, string> _approvedCopies = [];
    private readonly Dictionary<string, string> _expired = [];
    private readonly Dictionary<string, string> _toApprove = [];
    private readonly Dictionary<string, string> _arrivals = [];
    private readonly Dictionary<string, string> _presented = [];
    private readonly Dictionary<string, string> _toSign = [];
    private readonly Dictionary<string, string> _toNumber = [];

    [OneTimeSetUp]
    public async Task CreateArchive()
    {
        _folder = new TempFolder("archive-data");
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), TimeProvider.System, Logger.None, catalog: engine.NewCatalog());
        _policy = new AccessPolicy();
        _index = new SearchIndex(_store, Logger.None);
        _catalog = new CatalogService(_store, TimeProvider.System, null, _policy);
        _accounts = new AccountService(_store, _policy, TimeProvider.System);
        _inbox = new RecordsInbox(_store, TimeProvider.System, null, _policy);
        _catalog.CreateAgency(Agency, "Ủy ban nhân dân tỉnh Hà Tĩnh", null, Operator);
        _catalog.CreateAgency("000.00.00.H43", "Ủy ban nhân dân tỉnh Quảng Bình", null, Operator);
        foreach (var code in new[] { Agency, "000.00.00.H43" })
            _catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", code).With("FileCatalog", "2019").With("FileNotation", "01.TH")
                .With("Title", "Hồ sơ ban hành quy chế").With("Maintenance", "Vĩnh viễn"), Operator);
        _documentId = (await File(Dossier, Operator)).Id;
        foreach (var role in Role.All)
            _accounts.Create(new NewAccount(Login(role), $"Người {role.Name}", Agency, null, [role.Code], "Luu-tru-2019-HT"), Operator);
        _accounts.Create(new NewAccount("nguoi-nhan", "Người được cấp", Agency, null, [Role.Specialist.Code], "Luu-tru-2019-HT"), Operator);
        // What a role's case then works on, made here so that a refused case can be checked to have written nothing.
        for (var i = 0; i < Role.All.Count; i++)
        {
            _catalog.CreateAgency($"000.01.{i:D2}.H44", "Cơ quan chưa có phông", null, Operator);
            await using var content = new MemoryStream(RandomNumberGenerator.GetBytes(64));
            _pending[Login(Role.All[i])] = (await _inbox.ReceiveAsync(content, new Reception("den.pdf", "PDF", Tt02Metadata.Empty, []),
                Operator, CancellationToken.None)).Id;
            _copyRequests[Login(Role.All[i])] = Copies(CopyApproval.Leaders).Request(
                new NewCopyRequest(_documentId, "sao-y", "Thử quyền phê duyệt", "Tòa án nhân dân tỉnh"), Operator).Id;
            var approved = Copies(CopyApproval.Leaders)
                .Request(new NewCopyRequest(_documentId, "sao-y", "Thử quyền làm bản sao", "Sở Tư pháp"), Operator).Id;
            _approvedCopies[Login(Role.All[i])] = Copies(CopyApproval.Leaders).Approve(approved, As(Role.Leader.Code)).Id;
        }
        for (var i = 0; i < Role.All.Count; i++)
        {
            _arrivals[Login(Role.All[i])] = await Arrival($"{i + 70}");
            _presented[Login(Role.All[i])] = await Arrival($"{i + 80}");
            Processing().Present(_presented[Login(Role.All[i])], Login(Role.Leader), Operator);
        }
        for (var i = 0; i < Role.All.Count; i++)
        {
            _expired[Login(Role.All[i])] = ExpiredDossier($"{20 + i}.HUY");
            _toApprove[Login(Role.All[i])] = ExpiredDossier($"{30 + i}.HUY");
            Disposal().Review(_toApprove[Login(Role.All[i])], AppraisalDecision.Destroy, "Biên bản số 01/BB-HĐ", null, null, Operator);
        }
        for (var i = 0; i < Role.All.Count; i++)
        {
            _toSign[Login(Role.All[i])] = await Outgoing($"Trình ký {i}");
            _toNumber[Login(Role.All[i])] = await Outgoing($"Cấp số {i}");
            await using var signed = new MemoryStream(RandomNumberGenerator.GetBytes(64));
            await Issuing().RecordSignatureAsync(_toNumber[Login(Role.All[i])], signed, "Người ký", DateTimeOffset.Now, Operator,
                CancellationToken.None);
        }
        _catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2018").With("FileNotation", "09.NL")
            .With("Title", "Hồ sơ đã đóng, chờ nộp lưu").With("Maintenance", "Vĩnh viễn"), Operator);
        _catalog.CloseDossier(ClosedDossier, Operator);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var root = new CertificateRequest("CN=Gốc thử nghiệm", key, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        _certificate = _folder.File("root.cer");
        await System.IO.File.WriteAllBytesAsync(_certificate, root.Export(X509ContentType.Cert));
    }

    /// <summary>A closed dossier kept 2 years: its retention has run out by the disposal cases' clock (2040).</summary>
    private string ExpiredDossier(string notation)
    {
        var code = _catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2016")
            .With("FileNotation", notation).With("Title", "Hồ sơ hết thời hạn bảo quản").With("Maintenance", "2 năm"), Operator)
            .FileCode.Value;
        _catalog.CloseDossier(code, Operator);
        return code;
    }

    private ProcessingService Processing() => new(_store, _policy, TimeProvider.System);

    private IssuingService Issuing() =>
        new(_store, _catalog, new DocumentFiling(_store, TimeProvider.System, null, _policy), _policy, TimeProvider.System);

    private static NewOutgoingDocument NewOutgoing(string subject) => new("Công văn", "UBND-VP", subject, Dossier,
        [new Archive.Core.Issuing.OutgoingRecipient { OrganId = "000.00.00.H43", OrganName = "UBND tỉnh Quảng Bình" }]);

    /// <summary>An outgoing document drafted and presented to the leader: its id.</summary>
    private async Task<string> Outgoing(string subject)
    {
        await using var content = new MemoryStream(RandomNumberGenerator.GetBytes(64));
        var draft = await Issuing().DraftAsync(NewOutgoing(subject), content, Operator, CancellationToken.None);
        return Issuing().Submit(draft.Id, Login(Role.Leader), null, Operator).Id;
    }

    /// <summary>A document received and registered in the incoming register: its arrival id.</summary>
    private async Task<string> Arrival(string number)
    {
        await using var content = new MemoryStream(RandomNumberGenerator.GetBytes(64));
        var item = await _inbox.ReceiveAsync(content, new Reception("den.pdf", "PDF", Tt02Metadata.Empty.With("TypeName", "Công văn")
            .With("OrganName", "Sở Nội vụ").With("CodeNumber", number).With("CodeNotation", "SNV-TH").With("IssuedDate", "2019-04-12")
            .With("Subject", "Về việc thử quyền").With("PageAmount", "1"), []), Operator,
            CancellationToken.None);
        return (await _inbox.AcceptAsync(item.Id, Dossier, null, Operator, CancellationToken.None)).Arrival.Id;
    }

    private DisposalService Disposal() =>
        new(_store, _catalog, _policy, new SettableClock(new DateTimeOffset(2040, 1, 2, 9, 0, 0, TimeSpan.FromHours(7))));

    [OneTimeTearDown]
    public void Close()
    {
        _index.Dispose();
        _store.Dispose();
        _folder.Dispose();
    }

    public static IEnumerable<TestCaseData> RoleOperations() =>
        from row in ReadmeRoleMatrix()
        from role in Role.All
        select new TestCaseData(role.Code, row.Operation, row.Allowed.Contains(role.Code))
            .SetName($"{role.Code} {(row.Allowed.Contains(role.Code) ? "may" : "may not")} {row.Operation}");

    [TestCaseSource(nameof(RoleOperations))]
    public async Task Each_role_may_do_exactly_what_the_matrix_says(string role, Operation operation, bool allowed) =>
        await Expect(allowed, As(role), () => Run(operation, As(role)));

    public static IEnumerable<TestCaseData> DossierOperations() =>
        from levels in new[] { ReadmeLevels() }
        from operation in levels.Operations
        from role in Role.All
        let allowed = levels.RoleLevels[role.Code] >= operation.Value
        select new TestCaseData(role.Code, operation.Key, allowed)
            .SetName($"{role.Code} {(allowed ? "may" : "may not")} {operation.Key} in its agency without a grant");

    [TestCaseSource(nameof(DossierOperations))]
    public async Task On_its_agencys_dossiers_each_role_has_the_level_the_readme_gives(string role, Operation operation, bool allowed) =>
        await Expect(allowed, As(role), () => RunOnDossier(operation, Dossier, As(role)));

    [Test]
    public async Task No_role_reaches_another_agencys_dossier_without_a_grant()
    {
        var other = (await File(OtherAgencyDossier, Operator)).FileCode.Value;
        foreach (var role in Role.All)
        foreach (var operation in Permissions.LevelNeeded.Keys)
            await Expect(false, As(role.Code), () => RunOnDossier(operation, other, As(role.Code)));
    }

    [TestCase("read", new[] { Operation.DossierRead, Operation.DocumentRead, Operation.CopyRequest })]
    [TestCase("contribute", new[] { Operation.DossierRead, Operation.DocumentRead, Operation.DocumentAdd, Operation.CopyRequest })]
    [TestCase("manage", new[] { Operation.DossierRead, Operation.DocumentRead, Operation.DocumentAdd, Operation.DossierManage,
        Operation.CopyRequest })]
    public async Task A_grant_gives_a_specialist_its_level_and_nothing_more(string level, Operation[] allowed)
    {
        var specialist = As(Role.Specialist.Code);
        new RightsService(_store, _catalog, _accounts, _policy, TimeProvider.System).Grant(Dossier, specialist.Name, null, level, Operator);
        try
        {
            foreach (var operation in Permissions.LevelNeeded.Keys)
                await Expect(allowed.Contains(operation), specialist, () => RunOnDossier(operation, Dossier, specialist));
        }
        finally
        {
            new RightsService(_store, _catalog, _accounts, _policy, TimeProvider.System).Revoke(Dossier, specialist.Name, null, Operator);
        }
    }

    [Test]
    public void The_readme_tables_are_the_ones_the_code_enforces()
    {
        Assert.That(ReadmeRoleMatrix().Select(r => r.Operation), Is.EquivalentTo(Permissions.RoleMatrix.Keys));
        foreach (var row in ReadmeRoleMatrix())
            Assert.That(row.Allowed, Is.EquivalentTo(Permissions.RoleMatrix[row.Operation].Select(r => r.Code)), row.Operation.ToString());
        var levels = ReadmeLevels();
        Assert.That(levels.Operations, Is.EquivalentTo(Permissions.LevelNeeded));
        Assert.That(levels.RoleLevels, Is.EquivalentTo(Permissions.AgencyLevel.ToDictionary(p => p.Key.Code, p => p.Value)));
    }

    private async Task Expect(bool allowed, Actor actor, Func<Task> run)
    {
        var before = _store.Catalog.AuditEntries().Count;
        if (allowed)
        {
            await Assert.ThatAsync(() => run(), Throws.Nothing, $"{actor.Name} should be allowed");
            return;
        }
        await Assert.ThatAsync(() => run(), Throws.TypeOf<AccessDeniedException>(), $"{actor.Name} should be refused");
        Assert.That(_store.Catalog.AuditEntries(), Has.Count.EqualTo(before), "a refusal writes nothing");
    }

    private async Task Run(Operation operation, Actor actor)
    {
        var n = Interlocked.Increment(ref _unique);
        switch (operation)
        {
            case Operation.UserManage:
                _accounts.Create(new NewAccount($"moi{n}", "Người mới", Agency, null, [Role.Specialist.Code]), actor);
                break;
            case Operation.RightsManage:
                new RightsService(_store, _catalog, _accounts, _policy, TimeProvider.System)
                    .Grant(Dossier, "nguoi-nhan", null, "read", actor);
                break;
            case Operation.TrustManage:
                new TrustFolder(_store, _policy).Add(TrustMaterialKind.Anchor, _certificate, $"goc{n}.cer", actor);
                break;
            case Operation.AgencyCreate:
                _catalog.CreateAgency($"000.00.{n:D2}.H44", "Cơ quan mới", null, actor);
                break;
            case Operation.FondsCreate:
                var agency = $"000.01.{Role.All.ToList().FindIndex(r => Login(r) == actor.Name):D2}.H44";
                _catalog.CreateFonds(Tt02Metadata.Empty.With("OrganId", agency).With("FondName", "Phông lưu trữ"), actor);
                break;
            case Operation.DossierCreate:
                _catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", "2020")
                    .With("FileNotation", $"{n:D2}.M").With("Title", "Hồ sơ mới").With("Maintenance", "10 năm"), actor);
                break;
            case Operation.Ingest:
                await using (var content = new MemoryStream(RandomNumberGenerator.GetBytes(64)))
                    await _inbox.ReceiveAsync(content, new Reception("den.pdf", "PDF", Tt02Metadata.Empty, []), actor,
                        CancellationToken.None);
                break;
            case Operation.InboxRead:
                _inbox.List(actor);
                break;
            case Operation.InboxDecide:
                _inbox.Reject(_pending[actor.Name], ["Thiếu chữ ký số"], actor);
                break;
            case Operation.AuditRead:
                new AuditLog(_store, _policy).Entries(actor);
                break;
            case Operation.Preservation:
                new PreservationJobs(_store, TimeProvider.System, Logger.None, _policy).CheckConsistency(actor);
                break;
            case Operation.IndexRebuild:
                await new IndexRebuild(_store, _index, _policy, Logger.None).RunAsync(actor, CancellationToken.None);
                break;
            case Operation.CatalogRead:
                _catalog.Dossiers(actor);
                break;
            case Operation.Search:
                _catalog.SearchScope(actor);
                break;
            case Operation.CopyApprove:
                // The matrix says who may be named the approver; each case names the acting role.
                Copies(actor.Has(Role.RecordsOfficer) ? CopyApproval.Parse("van-thu") : CopyApproval.Leaders)
                    .Approve(_copyRequests[actor.Name], actor);
                break;
            case Operation.CopyMake:
                Copies(CopyApproval.Leaders).Reserve(_approvedCopies[actor.Name], actor);
                break;
            case Operation.Transfer:
                new TransferService(_store, _catalog, new DocumentFiling(_store, TimeProvider.System), _policy, TimeProvider.System)
                    .Prepare([ClosedDossier], actor);
                break;
            case Operation.Appraise:
                Disposal().Review(_expired[actor.Name], AppraisalDecision.Destroy, "Biên bản số 02/BB-HĐ", null, null, actor);
                break;
            case Operation.LegalHold:
                Disposal().Hold(ClosedDossier, "Thử quyền giữ hồ sơ", actor);
                break;
            case Operation.DisposalApprove:
                Disposal().Approve([_toApprove[actor.Name]], actor);
                break;
            case Operation.TaskPresent:
                Processing().Present(_arrivals[actor.Name], Login(Role.Leader), actor);
                break;
            case Operation.TaskAssign:
                Processing().Assign(_presented[actor.Name], new Assignment(Login(Role.Specialist), null, [], [],
                    DateOnly.FromDateTime(DateTime.Now).AddDays(10), "Xử lý"), actor);
                break;
            case Operation.OutgoingDraft:
                await using (var content = new MemoryStream(RandomNumberGenerator.GetBytes(64)))
                    await Issuing().DraftAsync(NewOutgoing("Dự thảo thử quyền"), content, actor, CancellationToken.None);
                break;
            case Operation.OutgoingSign:
                await using (var content = new MemoryStream(RandomNumberGenerator.GetBytes(64)))
                    await Issuing().RecordSignatureAsync(_toSign[actor.Name], content, "Người ký", DateTimeOffset.Now, actor,
                        CancellationToken.None);
                break;
            case Operation.OutgoingIssue:
                Issuing().ReserveNumber(_toNumber[actor.Name], actor);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "not in the role matrix");
        }
    }

    private async Task RunOnDossier(Operation operation, string dossier, Actor actor)
    {
        switch (operation)
        {
            case Operation.DossierRead:
                _catalog.Dossier(dossier, actor);
                break;
            case Operation.DocumentRead:
                var id = dossier == Dossier ? _documentId : _catalog.Dossier(dossier, Operator).Documents[0].Id;
                await using ((await new DocumentContent(_store, _catalog).OpenAsync(id, Representation.Original, actor,
                    CancellationToken.None)).Content)
                {
                }
                break;
            case Operation.DocumentAdd:
                await File(dossier, actor);
                break;
            case Operation.CopyRequest:
                var document = dossier == Dossier ? _documentId : _catalog.Dossier(dossier, Operator).Documents[0].Id;
                Copies(CopyApproval.Leaders).Request(new NewCopyRequest(document, "trich-sao", "Thử quyền", "Tòa án", "1"), actor);
                break;
            case Operation.DossierManage:
                _catalog.CloseDossier(dossier, actor);
                _catalog.ReopenDossier(dossier, "Thử quyền quản lý", Operator);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(operation), operation, "not on a dossier");
        }
    }

    private async Task<ArchivedDocument> File(string dossier, Actor actor)
    {
        await using var content = new MemoryStream(RandomNumberGenerator.GetBytes(128));
        return await new DocumentFiling(_store, TimeProvider.System, null, _policy).FileAsync(dossier,
            Tt02Metadata.Empty.With("TypeName", "Công văn").With("OrganName", "Sở Nội vụ").With("Subject", "Về việc thử quyền"), content,
            actor, CancellationToken.None);
    }

    private CopyService Copies(CopyApproval approval) => new(_store, _policy, approval, TimeProvider.System);

    private Actor As(string role) => _accounts.ActAs(Login(Role.Parse(role)), "unit-test", NetworkZone.Networked);

    private static string Login(Role role) => "tk-" + role.Code;

    private static IReadOnlyList<(Operation Operation, IReadOnlyList<string> Allowed)> ReadmeRoleMatrix()
    {
        var lines = Readme();
        var header = lines.First(l => l.StartsWith("| operation | quan-tri", StringComparison.Ordinal))
            .Split('|', StringSplitOptions.TrimEntries);
        return lines.Select(l => RoleRow().Match(l)).Where(m => m.Success).Select(m =>
        {
            var cells = m.Value.Split('|', StringSplitOptions.TrimEntries);
            var allowed = Enumerable.Range(2, header.Length - 3).Where(i => cells[i] == "✓").Select(i => header[i]).ToList();
            return (Enum.Parse<Operation>(m.Groups[1].Value), (IReadOnlyList<string>)allowed);
        }).ToList();
    }

    private static (IReadOnlyDictionary<Operation, AccessLevel> Operations, IReadOnlyDictionary<string, AccessLevel> RoleLevels)
        ReadmeLevels()
    {
        var lines = Readme();
        var operations = lines.Select(l => LevelRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => Enum.Parse<Operation>(m.Groups[1].Value), m => AccessLevels.Parse(m.Groups[2].Value));
        var roles = lines.Select(l => RoleLevelRow().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value,
                m => m.Groups[2].Value == "none" ? AccessLevel.None : AccessLevels.Parse(m.Groups[2].Value));
        return (operations, roles);
    }

    private static string[] Readme()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !System.IO.File.Exists(Path.Combine(folder.FullName, "README.md"))) folder = folder.Parent;
        return System.IO.File.ReadAllLines(Path.Combine(folder!.FullName, "README.md"));
    }

    [GeneratedRegex(@"^\| `(\w+)` [^|]* \|( [✓—] \|){5}$")]
    private static partial Regex RoleRow();

    [GeneratedRegex(@"^\| `(\w+)` [^|]* \| (read|contribute|manage) \|$")]
    private static partial Regex LevelRow();

    [GeneratedRegex(@"^\| `([a-z-]+)` \| (none|read|contribute|manage) \|$")]
    private static partial Regex RoleLevelRow();
}
