using System.Globalization;
using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Processing;
using Archive.Core.Statistics;
using Archive.Core.Storage;
using MiniExcelLibs;

namespace Archive.Core.Application;

/// <summary>
/// Điều 17: the figures of sending and receiving documents, counted from the registers themselves. Sent = outgoing documents issued
/// in the period; received = documents that reached the inbox in it, of which accepted and returned; on time and overdue = processing
/// of incoming documents completed in the period by or after its deadline, and open ones whose deadline passed in it. Dates are the
/// agency's calendar. Grouped by agency (each with the total of the agencies below it), by unit, by document type and by month. A
/// user sees their own agency and those below it.
/// </summary>
public sealed class ExchangeStatistics(ArchiveStore store, AccessPolicy policy, TimeProvider clock)
{
    private const string Unknown = "(không rõ)";

    public StatisticsReport Compute(StatisticsQuery query, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.To < query.From)
            throw new InvalidRequestException($"Kỳ thống kê: ngày cuối {query.To:dd/MM/yyyy} trước ngày đầu {query.From:dd/MM/yyyy}.");
        return store.Catalog.Read(session =>
        {
            policy.Demand(session, actor, Operation.InboxRead);
            var agencies = session.Agencies.All().ToDictionary(a => a.Code.Value);
            var top = query.Agency?.Trim() ?? actor.Agency?.Value;
            if (top is not null && !agencies.ContainsKey(top))
                throw new CatalogNotFoundException($"Không có cơ quan mã {top} trong danh mục.");
            var scope = top is null ? agencies.Keys.ToHashSet() : Branch(agencies, top);
            if (actor.Agency is { } own && !Branch(agencies, own.Value).IsSupersetOf(scope))
                throw new AccessDeniedException($"Chỉ xem thống kê của {own} và các cơ quan trực thuộc.");
            var facts = Facts(session, query).Where(f => scope.Contains(f.Agency)).ToList();
            return new StatisticsReport(query, Rows(agencies, scope, facts), Groups(facts.Where(f => f.Unit is not null), f => f.Unit!),
                Groups(facts, f => f.TypeName), Groups(facts, f => f.Month).OrderBy(g => g.Key, StringComparer.Ordinal).ToList(),
                Sum(facts));
        });
    }

    /// <summary>The report as an XLSX workbook: a sheet per grouping, columns named in Vietnamese.</summary>
    public async Task WriteXlsxAsync(StatisticsQuery query, Actor actor, Stream output, CancellationToken cancellationToken)
    {
        var report = Compute(query, actor);
        static Dictionary<string, object?> Row(string keyName, string key, ExchangeFigures f) => new()
        {
            [keyName] = key, ["Đã gửi"] = f.Sent, ["Đã nhận"] = f.Received, ["Tiếp nhận"] = f.Accepted, ["Trả lại"] = f.Returned,
            ["Xử lý đúng hạn"] = f.OnTime, ["Quá hạn"] = f.Overdue,
        };
        var sheets = new Dictionary<string, object>
        {
            ["Co quan"] = report.Agencies.Select(a =>
            {
                var row = Row("Cơ quan", $"{new string(' ', 2 * a.Level)}{a.Name} ({a.Code})", a.Total);
                row["Riêng cơ quan: đã gửi"] = a.Own.Sent;
                row["Riêng cơ quan: đã nhận"] = a.Own.Received;
                return row;
            }).ToList(),
            ["Don vi"] = report.Units.Select(g => Row("Đơn vị", g.Key, g.Figures)).ToList(),
            ["Loai van ban"] = report.Types.Select(g => Row("Loại văn bản", g.Key, g.Figures)).ToList(),
            ["Thang"] = report.Months.Select(g => Row("Tháng", g.Key, g.Figures)).ToList(),
        };
        await output.SaveAsAsync(sheets, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<ExchangeFact> Facts(ICatalogSession session, StatisticsQuery query)
    {
        var zone = clock.LocalTimeZone;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
        bool InPeriod(DateOnly day) => day >= query.From && day <= query.To;
        static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var units = session.Users.All().ToDictionary(u => u.Login, u => u.Unit);

        // Điều 17 counts documents sent electronically: paper ones are in the register, not here.
        foreach (var sent in session.Outgoing.All().Where(o => o.IssuedAt is not null && !o.OnPaper))
        {
            var day = Day(sent.IssuedAt!.Value);
            if (InPeriod(day))
                yield return new(sent.Agency, Unit(units.GetValueOrDefault(sent.Drafter), sent.Agency), sent.TypeName, Month(day),
                    ExchangeMeasure.Sent);
        }

        foreach (var item in session.Inbox.All())
        {
            var day = Day(item.ReceivedAt);
            if (!InPeriod(day)) continue;
            var agency = item.ReceivedFor ?? (DossierCode.TryParse(item.TargetDossier, out var target) ? target.Organ.Value : Unknown);
            var type = TypeOf(item.MetadataJson) ?? Unknown;
            yield return new(agency, null, type, Month(day), ExchangeMeasure.Received);
            if (item.Status == Registry.InboxStatus.Accepted) yield return new(agency, null, type, Month(day), ExchangeMeasure.Accepted);
            if (item.Status == Registry.InboxStatus.Rejected) yield return new(agency, null, type, Month(day), ExchangeMeasure.Returned);
        }

        foreach (var task in session.Tasks.All())
        {
            var (day, measure) = task.Status == ProcessingStatus.Done
                ? (Day(task.CompletedAt!.Value), Day(task.CompletedAt.Value) <= (task.Deadline ?? DateOnly.MaxValue)
                    ? ExchangeMeasure.OnTime
                    : ExchangeMeasure.Overdue)
                : task.Deadline is { } deadline && deadline < today
                    ? (deadline, ExchangeMeasure.Overdue)
                    : (DateOnly.MinValue, ExchangeMeasure.OnTime);
            if (!InPeriod(day)) continue;
            var document = session.Documents.Get(task.DocumentId);
            var agency = document?.OrganId.Value ?? Unknown;
            yield return new(agency, Unit(UnitOf(task.Lead, units), agency), document?.TypeName ?? Unknown, Month(day), measure);
        }
    }

    /// <summary>A unit as the report names it: units of different agencies may share a name.</summary>
    private static string? Unit(string? unit, string agency) => unit is null ? null : $"{unit} ({agency})";

    /// <summary>The lead's unit: the unit itself ("unit:AGENCY/UNIT") or the unit of the lead person.</summary>
    private static string? UnitOf(string? lead, IReadOnlyDictionary<string, string?> units) => lead switch
    {
        null => null,
        _ when lead.StartsWith("unit:", StringComparison.Ordinal) => lead[(lead.IndexOf('/', StringComparison.Ordinal) + 1)..],
        _ when lead.StartsWith("user:", StringComparison.Ordinal) => units.GetValueOrDefault(lead[5..]),
        _ => null,
    };

    private static string? TypeOf(string metadataJson)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(metadataJson)?.GetValueOrDefault("TypeName");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An agency and every agency below it.</summary>
    private static HashSet<string> Branch(IReadOnlyDictionary<string, Agency> agencies, string top)
    {
        var branch = new HashSet<string> { top };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var a in agencies.Values)
                if (a.ParentCode is { } parent && branch.Contains(parent) && branch.Add(a.Code.Value)) grew = true;
        }
        return branch;
    }

    /// <summary>The agencies of the scope depth first, each with its own figures and its branch's.</summary>
    private static List<AgencyFigures> Rows(IReadOnlyDictionary<string, Agency> agencies, HashSet<string> scope,
        IReadOnlyList<ExchangeFact> facts)
    {
        var own = facts.GroupBy(f => f.Agency).ToDictionary(g => g.Key, Sum);
        var rows = new List<AgencyFigures>();
        void Visit(Agency agency, int level)
        {
            var code = agency.Code.Value;
            var total = Branch(agencies, code).Where(scope.Contains).Aggregate(ExchangeFigures.Zero,
                (sum, c) => sum + own.GetValueOrDefault(c, ExchangeFigures.Zero));
            var mine = own.GetValueOrDefault(code, ExchangeFigures.Zero);
            rows.Add(new AgencyFigures(code, agency.Name, agency.ParentCode, level, mine, total));
            foreach (var child in agencies.Values.Where(a => a.ParentCode == code && scope.Contains(a.Code.Value))
                         .OrderBy(a => a.Code.Value, StringComparer.Ordinal))
                Visit(child, level + 1);
        }
        foreach (var root in scope.Select(c => agencies[c]).Where(a => a.ParentCode is null || !scope.Contains(a.ParentCode))
                     .OrderBy(a => a.Code.Value, StringComparer.Ordinal))
            Visit(root, 0);
        return rows;
    }

    private static List<GroupFigures> Groups(IEnumerable<ExchangeFact> facts, Func<ExchangeFact, string> key) =>
        facts.GroupBy(key).Select(g => new GroupFigures(g.Key, Sum(g))).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();

    private static ExchangeFigures Sum(IEnumerable<ExchangeFact> facts) =>
        facts.Aggregate(ExchangeFigures.Zero, (sum, f) => sum + ExchangeFigures.Of(f.Measure));
}
