namespace Archive.Core.Processing;

/// <summary>
/// One step of a document's processing, kept for good (NĐ 30 Phụ lục VI: drafts, comments and approvals are kept): who, when,
/// what (<see cref="TaskEntryKind"/>), the note, and a result document when one was attached.
/// </summary>
public sealed record TaskEntry
{
    public DateTimeOffset At { get; init; }

    public string By { get; init; } = "";

    public string Kind { get; init; } = "";

    public string Note { get; init; } = "";

    public string? ResultDocumentId { get; init; }
}
