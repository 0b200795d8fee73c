namespace Archive.Core.Preservation;

/// <summary>One run of a scheduled job, as kept in the job history.</summary>
public sealed record JobRun
{
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");
    public string Job { get; init; } = "";
    public DateTimeOffset Started { get; init; }
    public DateTimeOffset? Ended { get; init; }
    public long Objects { get; init; }
    public long Bytes { get; init; }
    public int Problems { get; init; }
    /// <summary>"running", "succeeded", "failed" (a run still "running" after a restart was interrupted).</summary>
    public string Outcome { get; init; } = "running";
    public string? Detail { get; init; }
}
