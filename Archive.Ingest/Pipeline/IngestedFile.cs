namespace Archive.Ingest.Pipeline;

/// <summary>What became of one file of a batch; an envelope or a package gives one outcome per document it holds.</summary>
public sealed record IngestedFile(IngestRequest Request, IReadOnlyList<IngestOutcome> Outcomes);
