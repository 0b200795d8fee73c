namespace Archive.Ingest.Pipeline;

/// <summary>One line of `archive ingest` output (DESIGN.md 5): what happened to one file, and why.</summary>
public sealed record IngestOutcome(
    string File,
    string Status,
    string? Id,
    string? Dossier,
    string? Indication,
    IReadOnlyList<string> Reasons,
    string? InboxId,
    int? ArrivalNumber,
    bool Urgent)
{
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
    public const string Duplicate = "duplicate";
    public const string Pending = "pending";

    /// <summary>A recall (thu hồi) from the sender, applied to the copies received.</summary>
    public const string Recalled = "recalled";
}
