namespace Archive.Core.Processing;

/// <summary>Where an incoming document's processing stands (Điều 11): presented to a leader, assigned, done.</summary>
public enum ProcessingStatus
{
    Presented = 0,
    Assigned = 1,
    Done = 2,
}
