using Archive.Core.Access;
using Archive.Core.Catalog;

namespace Archive.Core.Processing;

/// <summary>
/// The processing of one registered incoming document (Điều 10.3, 11): presented by the records officer to a leader, who assigns
/// the lead (chủ trì: a person or a unit), the cooperating ones (phối hợp), a deadline (hạn giải quyết, a date in the agency's
/// time zone) and instructions (ý kiến chỉ đạo); the assignees report progress and the lead completes it. Its id is the arrival's.
/// </summary>
public sealed record ProcessingTask
{
    /// <summary>The arrival's id ("yyyy-nnnnnn"): one processing per registered document.</summary>
    public string Id { get; init; } = "";

    public int ArrivalNumber { get; init; }

    public DateTimeOffset ArrivalDate { get; init; }

    public string DocumentId { get; init; } = "";

    /// <summary>The document's notation and subject, for lists.</summary>
    public string Summary { get; init; } = "";

    public string? Priority { get; init; }

    public string PresentedTo { get; init; } = "";

    public ProcessingStatus Status { get; init; }

    /// <summary>A <see cref="Grantee"/> value: "user:LOGIN" or "unit:AGENCY/UNIT".</summary>
    public string? Lead { get; init; }

    public ValueList<string> Cooperating { get; init; } = ValueList<string>.Empty;

    public DateOnly? Deadline { get; init; }

    public string? Instructions { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public ValueList<TaskEntry> History { get; init; } = ValueList<TaskEntry>.Empty;

    /// <summary>Past its deadline and not done, on the agency's calendar.</summary>
    public bool IsOverdue(DateOnly today) => Status != ProcessingStatus.Done && Deadline < today;

    /// <summary>Not done and due within <paramref name="days"/> days (today included), not yet overdue.</summary>
    public bool IsDueWithin(DateOnly today, int days) =>
        Status != ProcessingStatus.Done && Deadline is { } deadline && deadline >= today && deadline <= today.AddDays(days);

    /// <summary>Whether an actor counting as these grantees (itself, its unit) is among the assignees.</summary>
    public bool IsAssignedTo(IReadOnlyList<string> grantees) =>
        grantees.Any(g => g == Lead || Cooperating.Contains(g));
}
