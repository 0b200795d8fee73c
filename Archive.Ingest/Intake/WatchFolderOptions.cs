namespace Archive.Ingest.Intake;

/// <summary>
/// The watched inbox folder (Archive:Ingest:WatchFolder): where senders drop files, the dossier they
/// are filed into when their metadata names none, how often it is looked at, and how long a file must
/// have stayed unchanged before it is taken (a file still being copied is left alone).
/// </summary>
public sealed record WatchFolderOptions(string Folder, string? Dossier, TimeSpan PollInterval, TimeSpan Settle)
{
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(2);
}
