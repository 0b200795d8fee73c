namespace Archive.Ingest.Transfers;

/// <summary>A transfer package written: the bag, its External-Identifier, the dossiers it carries and its payload's size.</summary>
public sealed record TransferPackage(string Bag, string Identifier, IReadOnlyList<string> Dossiers, int Documents, long PayloadFiles,
    long PayloadBytes);
