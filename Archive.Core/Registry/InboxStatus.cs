namespace Archive.Core.Registry;

/// <summary>Where a received document stands in the inbox "Chờ lưu trữ".</summary>
public enum InboxStatus
{
    Pending,
    Accepted,
    Rejected,
}
