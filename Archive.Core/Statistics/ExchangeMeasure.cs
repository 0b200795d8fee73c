namespace Archive.Core.Statistics;

/// <summary>What one counted event is.</summary>
internal enum ExchangeMeasure
{
    Sent,
    Received,
    Accepted,
    Returned,
    OnTime,
    Overdue,
}
