using Archive.Core.Registry;

namespace Archive.Tests.Core.Application;

/// <summary>Điều 10.3: an incoming document is received the same day, an urgent one at once.</summary>
public sealed class ReceptionDeadlineTests
{
    private static readonly TimeZoneInfo Vietnam = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    [Test]
    public void An_ordinary_document_is_due_at_midnight_agency_time_of_the_day_it_arrived()
    {
        // 23:30 UTC on the 30th is 06:30 on the 1st in Vietnam: due at midnight after the 1st, not the 30th.
        var item = new InboxItem { ReceivedAt = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero) };
        Assert.That(ReceptionDeadline.DueAt(item, Vietnam), Is.EqualTo(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(ReceptionDeadline.IsOverdue(item, new DateTimeOffset(2026, 12, 1, 16, 59, 0, TimeSpan.Zero), Vietnam), Is.False);
        Assert.That(ReceptionDeadline.IsOverdue(item, new DateTimeOffset(2026, 12, 1, 17, 0, 0, TimeSpan.Zero), Vietnam), Is.True);
    }

    [Test]
    public void An_urgent_document_is_due_two_hours_after_it_arrived_and_a_decided_one_is_never_overdue()
    {
        var at = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.FromHours(7));
        var urgent = new InboxItem { ReceivedAt = at, Urgent = true, Priority = "Hỏa tốc" };
        Assert.That(ReceptionDeadline.DueAt(urgent, Vietnam), Is.EqualTo(at.AddHours(2)));
        Assert.That(ReceptionDeadline.IsOverdue(urgent, at.AddHours(3), Vietnam), Is.True);
        Assert.That(ReceptionDeadline.IsOverdue(urgent with { Status = InboxStatus.Accepted }, at.AddHours(3), Vietnam), Is.False);
    }
}
