namespace Archive.Core.Disposal;

/// <summary>
/// The appraisal of a dossier whose retention has run out: the council's decision as the archivist recorded it and, for a
/// destruction, the head of the agency's approval. A dossier keeps its latest appraisal; earlier ones are in the audit chain.
/// </summary>
public sealed record Appraisal
{
    public AppraisalDecision Decision { get; init; }

    /// <summary>The council's decision or minutes that this records, e.g. "Biên bản họp Hội đồng số 05/BB-HĐ ngày 20/11/2026".</summary>
    public string Council { get; init; } = "";

    public string? Reason { get; init; }

    public string ReviewedBy { get; init; } = "";

    public DateTimeOffset ReviewedAt { get; init; }

    /// <summary>Who approved the destruction (the head of the agency), when a destruction was decided and approved.</summary>
    public string? ApprovedBy { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    public bool Approved => ApprovedBy is not null;
}
