using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Core.Transfers;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Core.Application;

/// <summary>
/// Due lists on a fake clock: into the agency's archive the year after the work ended, permanent dossiers on to the historical
/// archive 5 years after entering the agency's archive (2024 law) or 10 years after the work ended (2011 law), retention ends,
/// each listed from 30 days ahead and flagged once overdue; open and delivered dossiers are not listed.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class TransferDueTests(CatalogEngine engine)
{
    private static readonly Actor Operator = Actor.Operator("tester", "unit-test");
    private readonly SettableClock _clock = new(DateTimeOffset.UnixEpoch);
    private TempFolder _folder = null!;
    private ArchiveStore _store = null!;
    private CatalogService _catalog = null!;

    [SetUp]
    public async Task FileDossiers()
    {
        _clock.Now = new DateTimeOffset(2021, 12, 15, 9, 0, 0, TimeSpan.FromHours(7));
        _folder = new TempFolder("archive-data");
        _store = ArchiveStore.Open(new DataFolder(_folder.Path), _clock, Logger.None, catalog: engine.NewCatalog());
        _catalog = new CatalogService(_store, _clock);
        _catalog.CreateAgency("000.00.00.H42", "Ủy ban nhân dân tỉnh Hà Tĩnh", null, Operator);
        await Dossier("01.TH", "10 năm", "2015-06-01");       // work ended 2015
        await Dossier("02.TH", "Vĩnh viễn", "2019-03-01");    // taken into the agency archive on 15/12/2021
        Transfers(TransferRules.Law2024).Accept(["000.00.00.H42.2019.02.TH"], Operator);
        _clock.Now = new DateTimeOffset(2026, 12, 10, 9, 0, 0, TimeSpan.FromHours(7));
        await Dossier("03.TH", "Vĩnh viễn", "2025-03-01");    // work ended 2025
        await Dossier("04.TH", "20 năm", "2026-01-05", close: false);
    }

    [TearDown]
    public void Delete()
    {
        _store.Dispose();
        _folder.Dispose();
    }

    private TransferService Transfers(TransferRules rules) =>
        new(_store, _catalog, new DocumentFiling(_store, _clock), new AccessPolicy(), _clock, rules);

    private async Task Dossier(string notation, string maintenance, string issued, bool close = true)
    {
        var year = int.Parse(issued[..4]);
        var code = _catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", "000.00.00.H42").With("FileCatalog", $"{year}")
            .With("FileNotation", notation).With("Title", $"Hồ sơ {notation}").With("Maintenance", maintenance), Operator).FileCode.Value;
        using var content = new MemoryStream([1, 2, 3, (byte)year]);
        await new DocumentFiling(_store, _clock).FileAsync(code, Tt02Metadata.Empty.With("TypeName", "Công văn")
            .With("OrganName", "Sở Nội vụ").With("IssuedDate", issued), content, Operator, CancellationToken.None);
        if (close) _catalog.CloseDossier(code, Operator);
    }

    private static string Line(TransferDue d) =>
        $"{d.Dossier.FileNotation} {d.Kind} {d.DueDate:yyyy-MM-dd}{(d.Overdue ? " overdue" : "")}";

    [Test]
    public void Under_the_2024_law_the_due_list_has_each_deadline_from_30_days_ahead()
    {
        Assert.That(Transfers(TransferRules.Law2024).Due(Operator).Select(Line).ToList(), Is.EqualTo(new[]
        {
            "01.TH AgencyArchive 2016-12-31 overdue",
            "01.TH RetentionEnds 2025-12-31 overdue",
            "02.TH HistoricalArchive 2026-12-15",
            "03.TH AgencyArchive 2026-12-31",
        }));
        Assert.That(Transfers(TransferRules.Law2024).Due(Operator, withinDays: 10).Select(Line),
            Does.Not.Contain("03.TH AgencyArchive 2026-12-31"));
    }

    [Test]
    public void Under_the_2011_law_permanent_dossiers_are_due_ten_years_after_their_work_ended()
    {
        var due = Transfers(TransferRules.Law2011).Due(Operator, withinDays: 365 * 4).Select(Line).ToList();
        Assert.That(due, Does.Contain("02.TH HistoricalArchive 2029-12-31"));
        Assert.That(due, Has.None.Contains("04.TH"), "an open dossier is not due for anything yet");
    }

    [Test]
    public void A_delivered_dossier_is_no_longer_due_and_only_archivists_see_the_list()
    {
        var transfers = Transfers(TransferRules.Law2024);
        transfers.MarkDelivered(transfers.Prepare(["000.00.00.H42.2019.02.TH"], Operator), "NL.thu", Operator);
        Assert.That(transfers.Due(Operator).Select(Line), Has.None.Contains("02.TH"));
        Assert.That(_catalog.Dossier("000.00.00.H42.2019.02.TH", Operator).Dossier.Status, Is.EqualTo(DossierStatus.Delivered));
        var officer = Actor.Of(new UserAccount { Login = "vthu", FullName = "Văn thư", Agency = AgencyCode.Parse("000.00.00.H42"),
            Roles = ["van-thu"] }, "test", NetworkZone.Networked);
        Assert.That(() => transfers.Due(officer), Throws.TypeOf<AccessDeniedException>());
    }
}
