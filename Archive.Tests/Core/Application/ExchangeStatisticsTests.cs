using System.Security.Cryptography;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Processing;
using Archive.Core.Statistics;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Application;

/// <summary>
/// Điều 17 on a fixture of a few hundred documents over three agencies on two levels (the province and two sở), made through the
/// services on a fake clock: every figure of the report equals the count kept while the fixture was made, by agency (own and rolled
/// up to the province), by unit, by type and by month; what falls outside the period is not counted; a sở sees only itself.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ExchangeStatisticsTests(CatalogEngine engine)
{
    private const string Province = "000.00.00.H42";
    private static readonly string[] Agencies = [Province, "000.00.01.H42", "000.00.02.H42"];
    private static readonly string[] Types = ["Công văn", "Quyết định", "Báo cáo"];
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch);
    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private AccountService _accounts = null!;
    private RecordsInbox _inbox = null!;
    private ProcessingService _processing = null!;
    private IssuingService _issuing = null!;
    private ExchangeStatistics _statistics = null!;

    /// <summary>What the fixture made, counted as it was made: (agency, unit, type, month) → figures.</summary>
    private readonly Dictionary<(string Agency, string? Unit, string Type, string Month), ExchangeFigures> _made = [];

    [OneTimeSetUp]
    public async Task MakeTheFixture()
    {
        _clock.Now = new DateTimeOffset(2026, 9, 1, 8, 0, 0, Vietnam);
        _folder = new TempFolder("archive-data");
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), _clock, Logger.None, catalog: engine.NewCatalog());
        var policy = new AccessPolicy();
        var catalog = new CatalogService(_store, _clock, null, policy);
        _accounts = new AccountService(_store, policy, _clock);
        _inbox = new RecordsInbox(_store, _clock, null, policy);
        _processing = new ProcessingService(_store, policy, _clock);
        _issuing = new IssuingService(_store, catalog, new DocumentFiling(_store, _clock, null, policy), policy, _clock);
        _statistics = new ExchangeStatistics(_store, policy, _clock);
        catalog.CreateAgency(Province, "UBND tỉnh Hà Tĩnh", null, Operator);
        catalog.CreateAgency(Agencies[1], "Sở Nội vụ", Province, Operator);
        catalog.CreateAgency(Agencies[2], "Sở Tư pháp", Province, Operator);
        for (var a = 0; a < Agencies.Length; a++)
        {
            catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", Agencies[a]).With("FileCatalog", "2026").With("FileNotation", "01.VB")
                .With("Title", "Văn bản năm 2026").With("Maintenance", "10 năm"), Operator);
            foreach (var (login, role, unit) in new[] { ($"vthu{a}", "van-thu", (string?)null), ($"ldao{a}", "lanh-dao", null),
                         ($"cv{a}", "chuyen-vien", "Văn phòng"), ($"kt{a}", "chuyen-vien", "Phòng Kế hoạch") })
                _accounts.Create(new NewAccount(login, $"Người {login}", Agencies[a], unit, [role], "Luu-tru-2019-HT"), Operator);
        }

        var random = new Random(2026);
        for (var i = 0; i < 320; i++)
        {
            var a = random.Next(Agencies.Length);
            var type = Types[random.Next(Types.Length)];
            var month = random.Next(9, 12); // September is outside the period asked for
            _clock.Now = new DateTimeOffset(2026, month, 1 + random.Next(25), 9, 0, 0, Vietnam);
            switch (random.Next(6))
            {
                case 0:
                    await Returned(a, type, i);
                    break;
                case 1:
                    await Sent(a, type, i, random.Next(2) == 0 ? $"cv{a}" : $"kt{a}");
                    break;
                default:
                    await ReceivedAndProcessed(a, type, i, random.Next(4), random.Next(2) == 0 ? $"cv{a}" : $"kt{a}");
                    break;
            }
        }
        _clock.Now = new DateTimeOffset(2026, 12, 15, 9, 0, 0, Vietnam);
    }

    [OneTimeTearDown]
    public void Delete()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private Actor As(string login) => _accounts.ActAs(login, "unit-test", NetworkZone.Networked);

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetLocalNow().DateTime);

    private void Count(int agency, string? unit, string type, DateOnly day, ExchangeFigures figures)
    {
        var key = (Agencies[agency], unit is null ? null : $"{unit} ({Agencies[agency]})", type, day.ToString("yyyy-MM"));
        _made[key] = _made.GetValueOrDefault(key, ExchangeFigures.Zero) + figures;
    }

    private Task<Archive.Core.Registry.InboxItem> Receive(int agency, string type, int i) =>
        _inbox.ReceiveAsync(new MemoryStream(RandomNumberGenerator.GetBytes(64)), new Reception($"den-{i}.pdf", "PDF", Tt02Metadata.Empty
            .With("TypeName", type).With("OrganName", "UBND huyện Can Lộc").With("CodeNumber", $"{i + 1:00}")
            .With("CodeNotation", "UBND-VP")
            .With("IssuedDate", "2026-08-01").With("Subject", $"Văn bản đến {i}").With("PageAmount", "1"), []), As($"vthu{agency}"),
            CancellationToken.None);

    private async Task Returned(int agency, string type, int i)
    {
        var item = await Receive(agency, type, i);
        _inbox.Reject(item.Id, ["Thiếu chữ ký số"], As($"vthu{agency}"));
        Count(agency, null, type, Today, ExchangeFigures.Zero with { Received = 1, Returned = 1 });
    }

    /// <param name="outcome">0 done on time, 1 done late, 2 open past its deadline at the end, 3 open and not yet due.</param>
    private async Task ReceivedAndProcessed(int agency, string type, int i, int outcome, string lead)
    {
        var received = Today;
        var item = await Receive(agency, type, i);
        var arrival = (await _inbox.AcceptAsync(item.Id, $"{Agencies[agency]}.2026.01.VB", null, As($"vthu{agency}"),
            CancellationToken.None)).Arrival.Id;
        Count(agency, null, type, received, ExchangeFigures.Zero with { Received = 1, Accepted = 1 });
        _processing.Present(arrival, $"ldao{agency}", As($"vthu{agency}"));
        var deadline = outcome == 3 ? new DateOnly(2027, 1, 31) : Today.AddDays(5);
        _processing.Assign(arrival, new Assignment(lead, null, [], [], deadline, "Xử lý"), As($"ldao{agency}"));
        if (outcome >= 2)
        {
            // Open: overdue once the report's day (15/12) is past the deadline, counted in the deadline's month.
            if (deadline < new DateOnly(2026, 12, 15)) Count(agency, "Văn phòng|Phòng Kế hoạch".Split('|')[lead.StartsWith("cv") ? 0 : 1],
                type, deadline, ExchangeFigures.Zero with { Overdue = 1 });
            return;
        }
        var saved = _clock.Now;
        _clock.Now = _clock.Now.AddDays(outcome == 0 ? 3 : 9);
        _processing.Complete(arrival, "Xong", null, As(lead));
        Count(agency, lead.StartsWith("cv") ? "Văn phòng" : "Phòng Kế hoạch", type, Today,
            outcome == 0 ? ExchangeFigures.Zero with { OnTime = 1 } : ExchangeFigures.Zero with { Overdue = 1 });
        _clock.Now = saved;
    }

    private async Task Sent(int agency, string type, int i, string drafter)
    {
        var draft = await _issuing.DraftAsync(new NewOutgoingDocument(type, "UBND-VP", $"Văn bản đi {i}", $"{Agencies[agency]}.2026.01.VB",
            [new OutgoingRecipient { OrganId = "000.00.09.H42", OrganName = "UBND huyện Can Lộc" }]),
            new MemoryStream(RandomNumberGenerator.GetBytes(64)), As(drafter), CancellationToken.None);
        _issuing.Submit(draft.Id, $"ldao{agency}", null, As(drafter));
        await _issuing.RecordSignatureAsync(draft.Id, new MemoryStream(RandomNumberGenerator.GetBytes(64)), "Người ký", _clock.GetUtcNow(),
            As($"ldao{agency}"), CancellationToken.None);
        var issue = _issuing.ReserveNumber(draft.Id, As($"vthu{agency}"));
        await _issuing.FileAsync(issue, new MemoryStream(RandomNumberGenerator.GetBytes(64)), As($"vthu{agency}"), CancellationToken.None);
        _issuing.MarkIssued(draft.Id, As($"vthu{agency}"));
        Count(agency, drafter.StartsWith("cv") ? "Văn phòng" : "Phòng Kế hoạch", type, Today, ExchangeFigures.Zero with { Sent = 1 });
    }

    private static readonly StatisticsQuery Autumn = new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30));

    private IEnumerable<KeyValuePair<(string Agency, string? Unit, string Type, string Month), ExchangeFigures>> InAutumn =>
        _made.Where(m => m.Key.Month is "2026-10" or "2026-11");

    private static ExchangeFigures Sum(IEnumerable<ExchangeFigures> figures) => figures.Aggregate(ExchangeFigures.Zero, (s, f) => s + f);

    [Test]
    public void Every_figure_equals_the_count_made_by_hand_and_rolls_up_to_the_province()
    {
        var report = _statistics.Compute(Autumn, As("vthu0"));

        Assert.That(InAutumn.Count(), Is.GreaterThan(30), "the fixture spreads over many groups");
        Assert.That(report.Total, Is.EqualTo(Sum(InAutumn.Select(m => m.Value))));
        Assert.That(report.Total.Sent + report.Total.Received, Is.GreaterThan(150), "a few hundred documents, two thirds in the period");
        Assert.That(report.Agencies.Select(a => (a.Code, a.Level)),
            Is.EqualTo(new[] { (Province, 0), (Agencies[1], 1), (Agencies[2], 1) }));
        foreach (var row in report.Agencies)
            Assert.That(row.Own, Is.EqualTo(Sum(InAutumn.Where(m => m.Key.Agency == row.Code).Select(m => m.Value))), row.Code);
        Assert.That(report.Agencies[0].Total, Is.EqualTo(report.Total), "the province's total holds the sở's");
        Assert.That(report.Agencies[0].Total, Is.EqualTo(report.Agencies[0].Own + report.Agencies[1].Own + report.Agencies[2].Own));
        Assert.That(report.Agencies[1].Total, Is.EqualTo(report.Agencies[1].Own));
        Assert.That(report.Types.ToDictionary(g => g.Key, g => g.Figures), Is.EquivalentTo(InAutumn.GroupBy(m => m.Key.Type)
            .ToDictionary(g => g.Key, g => Sum(g.Select(m => m.Value)))));
        Assert.That(report.Months.Select(g => (g.Key, g.Figures)), Is.EqualTo(InAutumn.GroupBy(m => m.Key.Month).OrderBy(g => g.Key)
            .Select(g => (g.Key, Sum(g.Select(m => m.Value))))));
        Assert.That(report.Units.ToDictionary(g => g.Key, g => g.Figures), Is.EquivalentTo(InAutumn.Where(m => m.Key.Unit is not null)
            .GroupBy(m => m.Key.Unit!).ToDictionary(g => g.Key, g => Sum(g.Select(m => m.Value)))));
    }

    [Test]
    public void A_sở_sees_only_itself_and_the_province_sees_one_sở_when_it_asks()
    {
        var own = _statistics.Compute(Autumn, As("vthu1"));
        Assert.That(own.Agencies.Select(a => a.Code), Is.EqualTo(new[] { Agencies[1] }));
        Assert.That(own.Total, Is.EqualTo(Sum(InAutumn.Where(m => m.Key.Agency == Agencies[1]).Select(m => m.Value))));
        Assert.Throws<AccessDeniedException>(() => _statistics.Compute(Autumn with { Agency = Province }, As("vthu1")));
        Assert.That(_statistics.Compute(Autumn with { Agency = Agencies[2] }, As("ldao0")).Total,
            Is.EqualTo(Sum(InAutumn.Where(m => m.Key.Agency == Agencies[2]).Select(m => m.Value))));
        Assert.Throws<AccessDeniedException>(() => _statistics.Compute(Autumn, As("cv0")), "a specialist keeps no register");
        Assert.Throws<InvalidRequestException>(() => _statistics.Compute(new StatisticsQuery(Autumn.To, Autumn.From), As("vthu0")));
    }
}
