namespace Archive.Core.Registry;

/// <summary>
/// Điều 10.3 of the regulation: the records officer receives an incoming document and presents it the same day, and a "Khẩn"
/// or "Hỏa tốc" one at once. "At once" is read as within <see cref="Urgent"/>; the same day as before midnight, agency time.
/// </summary>
public static class ReceptionDeadline
{
    public static readonly TimeSpan Urgent = TimeSpan.FromHours(2);

    public static DateTimeOffset DueAt(InboxItem item, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Urgent) return item.ReceivedAt + Urgent;
        var local = TimeZoneInfo.ConvertTime(item.ReceivedAt, zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    public static bool IsOverdue(InboxItem item, DateTimeOffset now, TimeZoneInfo zone) =>
        item.Status == InboxStatus.Pending && DueAt(item, zone) <= now;
}
