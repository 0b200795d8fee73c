namespace Archive.Ingest.Transfers;

/// <summary>A bag written: where, how many payload files and bytes, and its bag-info.txt.</summary>
public sealed record BagSummary(string Bag, long PayloadFiles, long PayloadBytes, BagInfo Info);
