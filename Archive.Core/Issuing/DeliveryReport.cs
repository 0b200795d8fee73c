namespace Archive.Core.Issuing;

/// <summary>
/// A status message a recipient sent back about an issued document: which document (the exchange id the archive wrote, or its
/// số/ký hiệu and issue date), which agency, what happened and when.
/// </summary>
public sealed record DeliveryReport(string? ExchangeId, string? Code, DateOnly? IssuedDate, string FromOrganId, DeliveryStatus Status,
    string? Description, DateTimeOffset At);
