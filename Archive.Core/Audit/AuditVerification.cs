namespace Archive.Core.Audit;

/// <summary>How the audit chain was found broken.</summary>
public enum AuditBreak
{
    /// <summary>An entry's content no longer matches its own hash.</summary>
    Edited,
    /// <summary>An entry was rewritten together with its hash: the next entry no longer links to it.</summary>
    Rehashed,
    /// <summary>A sequence number is absent: an entry was removed.</summary>
    Missing,
    /// <summary>The log ends before the head recorded with the last commit.</summary>
    Truncated,
}

/// <summary>The outcome of recomputing the audit chain; <see cref="FirstBroken"/> names the first bad entry.</summary>
public sealed record AuditVerification(long EntriesChecked, long? FirstBroken, AuditBreak? Break)
{
    public bool IsIntact => FirstBroken is null;
}
