namespace Archive.Ingest.Pipeline;

/// <summary>What became of one file of a batch; an envelope or a package gives one outcome per document it holds.</summary>
public sealed record IngestedFile(IngestRequest Request, IReadOnlyList<IngestOutcome> Outcomes)
{
    /// <summary>Every document in it was accepted and filed.</summary>
    public bool AllAccepted => Outcomes.Count > 0 && Outcomes.All(o => o.Status == IngestOutcome.Accepted);

    /// <summary>Something in it goes back to the sender (rejected, or a duplicate of what the archive holds).</summary>
    public bool Returned => Outcomes.Any(o => o.Status is IngestOutcome.Rejected or IngestOutcome.Duplicate);
}
