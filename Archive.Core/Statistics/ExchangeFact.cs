namespace Archive.Core.Statistics;

/// <summary>One counted event, with the dimensions it is grouped by: agency, unit, document type and month (yyyy-MM).</summary>
internal sealed record ExchangeFact(string Agency, string? Unit, string TypeName, string Month, ExchangeMeasure Measure);
