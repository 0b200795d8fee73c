namespace Archive.Ingest.Exchange;

/// <summary>The status a receiving agency reports back to the sender (QĐ 28/2018, QCVN 102:2016), with its code.</summary>
public enum EdXmlStatus
{
    Received = 1,
    Rejected = 2,
    Accepted = 3,
    Assigned = 4,
    InProgress = 5,
    Done = 6,
}
