namespace Archive.Core.Issuing;

/// <summary>
/// What a recipient agency reports about an issued document (QĐ 28/2018, QCVN 102:2016 status codes 01–06); <see cref="Sent"/>
/// until its first report.
/// </summary>
public enum DeliveryStatus
{
    Sent = 0,
    Received = 1,
    Returned = 2,
    Accepted = 3,
    Assigned = 4,
    InProgress = 5,
    Done = 6,
}
