namespace Archive.Core.Statistics;

/// <summary>
/// One agency of the hierarchy (province → sở, huyện → xã): its own figures and the total with every agency below it (Điều 17: the
/// office above gathers those of the agencies under it). <see cref="Level"/> is its depth in the report, 0 at the top.
/// </summary>
public sealed record AgencyFigures(string Code, string Name, string? Parent, int Level, ExchangeFigures Own, ExchangeFigures Total);
