namespace Archive.Core.Statistics;

/// <summary>A period (dates of the agency's calendar, both included) and, optionally, the agency whose branch is reported.</summary>
public sealed record StatisticsQuery(DateOnly From, DateOnly To, string? Agency = null);
