namespace Archive.Core.Preservation;

/// <summary>
/// TT 02 Điều 10: an incremental backup every day, a full one on the first of every month.
/// <see cref="Scheduled"/> applies that rule: full when the target has no full backup of this month.
/// </summary>
public enum BackupKind
{
    Scheduled,
    Full,
    Incremental,
}
