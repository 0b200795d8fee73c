namespace Archive.Core.Preservation;

/// <summary>
/// A medium (a folder on its own disk, share or tape mount) that holds a verified backup set: the catalog remembers it, so that
/// fixity repairs from it afterwards without being told again, and says so when it is gone.
/// </summary>
public sealed record BackupMedium
{
    /// <summary>The medium's full path.</summary>
    public string Id { get; init; } = "";

    public string LastSet { get; init; } = "";

    public DateTimeOffset LastWrittenAt { get; init; }
}
