namespace Archive.Core.Audit;

/// <summary>
/// One line of the append-only audit log. <see cref="Hash"/> covers every other field and the
/// previous entry's hash, so editing, removing or reordering any entry breaks the chain.
/// </summary>
public sealed record AuditEntry
{
    public long Sequence { get; init; }
    /// <summary>ISO 8601 with offset, kept as text so that the hashed form never depends on a date mapper.</summary>
    public string At { get; init; } = "";
    public string Actor { get; init; } = "";
    public string Origin { get; init; } = "";
    public string Action { get; init; } = "";
    public string ObjectType { get; init; } = "";
    public string ObjectId { get; init; } = "";
    public string? Before { get; init; }
    public string? After { get; init; }
    public string PreviousHash { get; init; } = "";
    public string Hash { get; init; } = "";
}
