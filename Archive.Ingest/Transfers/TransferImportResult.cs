namespace Archive.Ingest.Transfers;

/// <summary>A package imported: its identifier and sender, the dossiers filed now, those an interrupted run had filed already.</summary>
public sealed record TransferImportResult(string Package, string Sender, IReadOnlyList<string> Filed, IReadOnlyList<string> AlreadyFiled,
    int Documents);
