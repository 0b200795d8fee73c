using System.Diagnostics;

namespace Archive.Core.Storage;

/// <summary>
/// Lets crash-safety tests kill the process at a named point (as a power cut or `kill -9` would),
/// so that recovery is proven on real interrupted state. Inert unless a point is configured
/// (environment variable ARCHIVE_CRASH_AT in the host).
/// </summary>
public sealed class CrashPoint(string? armedAt)
{
    public static readonly CrashPoint None = new(null);

    public const string BlobMidWrite = "blob.mid-write";
    public const string BlobBeforeRename = "blob.before-rename";
    public const string BeforeCatalogCommit = "uow.before-commit";
    public const string BackupMidCopy = "backup.mid-copy";
    public const string BeforeFilingCommit = "filing.before-commit";
    public const string AfterReceive = "ingest.after-receive";
    /// <summary>A document is filed and numbered, its preservation copy not yet made.</summary>
    public const string BeforePreservation = "ingest.before-preservation";
    public const string FixityMidRepair = "fixity.mid-repair";
    /// <summary>A file of the watched folder is in the inbox but not yet moved out of the folder.</summary>
    public const string IntakeBeforeMove = "intake.before-move";
    /// <summary>A transfer package has some of its payload files written, not all.</summary>
    public const string TransferMidWrite = "transfer.mid-write";
    /// <summary>A transfer package has some of its dossiers filed, not all.</summary>
    public const string TransferMidImport = "transfer.mid-import";
    /// <summary>Between the destruction's catalog commit and the removal of the destroyed content from the blob store.</summary>
    public const string DisposalBeforePurge = "disposal.before-purge";

    public void Reached(string point)
    {
        if (armedAt is not null && string.Equals(armedAt, point, StringComparison.Ordinal))
            Process.GetCurrentProcess().Kill();
    }
}
