namespace Archive.Core.Preservation;

/// <summary>An alert that needs a person: a damaged or missing object, a failed backup, a failed air-gap check.</summary>
public sealed record Problem
{
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");
    public DateTimeOffset At { get; init; }
    /// <summary>What kind of problem, e.g. "fixity.mismatch", "fixity.missing", "backup.failed", "airgap.failed".</summary>
    public string Kind { get; init; } = "";
    public string ObjectId { get; init; } = "";
    /// <summary>Vietnamese, for the archivist.</summary>
    public string Message { get; init; } = "";
    /// <summary>Set when the archive repaired the damage itself (the problem stays listed as a record of it).</summary>
    public string? Resolution { get; init; }
}
