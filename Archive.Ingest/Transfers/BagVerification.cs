namespace Archive.Ingest.Transfers;

/// <summary>What checking a bag found: valid when there is no problem; each problem names the file and what is wrong.</summary>
public sealed record BagVerification(
    string Bag,
    IReadOnlyList<string> Problems,
    string? Version,
    IReadOnlyList<string> Algorithms,
    long PayloadFiles,
    long PayloadBytes,
    BagInfo Info)
{
    public bool Valid => Problems.Count == 0;
}
