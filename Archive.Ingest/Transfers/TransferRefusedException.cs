namespace Archive.Ingest.Transfers;

/// <summary>A transfer package refused, with every reason found; nothing of it was filed.</summary>
public sealed class TransferRefusedException(string message, IReadOnlyList<string> problems) : Exception(message)
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
