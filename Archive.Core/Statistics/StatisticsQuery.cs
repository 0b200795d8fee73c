namespace Archive.Core.Statistics;

/// <summary>A period (dates of the agency's calendar, both included) and, optionally, the agency whose branch is reported.</summary>
public sealed record StatisticsQuery(DateOnly From, DateOnly To, string? Agency = null)
{
    /// <summary>The period asked for; from 1 January of this year to <paramref name="today"/> (the agency's calendar) where not
    /// given.</summary>
    public static StatisticsQuery For(DateOnly? from, DateOnly? to, string? agency, DateOnly today) =>
        new(from ?? new DateOnly(today.Year, 1, 1), to ?? today, string.IsNullOrWhiteSpace(agency) ? null : agency.Trim());
}
