namespace Archive.Core.Statistics;

/// <summary>
/// The figures of a period (Điều 17): by agency with the hierarchy rolled up, by unit, by document type and by month, and the total.
/// </summary>
public sealed record StatisticsReport(StatisticsQuery Query, IReadOnlyList<AgencyFigures> Agencies, IReadOnlyList<GroupFigures> Units,
    IReadOnlyList<GroupFigures> Types, IReadOnlyList<GroupFigures> Months, ExchangeFigures Total);
