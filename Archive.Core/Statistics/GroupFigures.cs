namespace Archive.Core.Statistics;

/// <summary>The figures of one unit, document type or month.</summary>
public sealed record GroupFigures(string Key, ExchangeFigures Figures);
