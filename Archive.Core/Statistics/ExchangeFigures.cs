namespace Archive.Core.Statistics;

/// <summary>
/// The figures of Điều 17 for one group: documents sent (issued), received, accepted and returned at reception, and incoming
/// documents processed on time or overdue (done late, or still open past their deadline).
/// </summary>
public sealed record ExchangeFigures(int Sent, int Received, int Accepted, int Returned, int OnTime, int Overdue)
{
    public static readonly ExchangeFigures Zero = new(0, 0, 0, 0, 0, 0);

    public static ExchangeFigures operator +(ExchangeFigures a, ExchangeFigures b) => new(a.Sent + b.Sent, a.Received + b.Received,
        a.Accepted + b.Accepted, a.Returned + b.Returned, a.OnTime + b.OnTime, a.Overdue + b.Overdue);

    internal static ExchangeFigures Of(ExchangeMeasure measure) => measure switch
    {
        ExchangeMeasure.Sent => Zero with { Sent = 1 },
        ExchangeMeasure.Received => Zero with { Received = 1 },
        ExchangeMeasure.Accepted => Zero with { Accepted = 1 },
        ExchangeMeasure.Returned => Zero with { Returned = 1 },
        ExchangeMeasure.OnTime => Zero with { OnTime = 1 },
        _ => Zero with { Overdue = 1 },
    };
}
