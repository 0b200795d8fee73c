using Archive.Core.Audit;

namespace Archive.Core.Storage;

/// <summary>
/// The catalog: records read in consistent sessions, changed in transactions that append their audit entries to the hash chain.
/// Embedded in LiteDB (<see cref="LiteCatalogStore"/>, one process) or on PostgreSQL (<see cref="Postgres.PostgresCatalogStore"/>,
/// several processes at once); the services cannot tell them apart.
/// </summary>
public interface ICatalogStore : IDisposable
{
    /// <summary>Counts the transactions committed: what was read while it stood still is still true.</summary>
    long Generation { get; }

    T Read<T>(Func<ICatalogSession, T> query);

    /// <summary>Runs <paramref name="work"/> in one transaction, its audit entries appended in order, and returns once it is
    /// durable.</summary>
    T Write<T>(Actor actor, Func<ICatalogSession, T> work);

    /// <summary><see cref="Write{T}"/> without holding a thread while the transaction reaches the disk.</summary>
    Task<T> WriteAsync<T>(Actor actor, Func<ICatalogSession, T> work);

    /// <summary>The audit trail of some objects (a document and the inbox item it arrived as, say), oldest first.</summary>
    IReadOnlyList<AuditEntry> AuditEntriesFor(IReadOnlyCollection<string> objectIds);

    IReadOnlyList<AuditEntry> AuditEntries(long fromSequence = 1, int limit = int.MaxValue);

    /// <summary>The newest entries first, older than <paramref name="before"/> when it is given: a page of the log as people
    /// read it.</summary>
    IReadOnlyList<AuditEntry> LatestAuditEntries(long? before, int limit);

    /// <summary>Recomputes the chain from the first entry and names the first entry that does not fit.</summary>
    AuditVerification VerifyAudit(IProgress<long>? progress = null);

    /// <summary>Copies a consistent catalog to <paramref name="destination"/> while the archive keeps running.</summary>
    void SnapshotTo(string destination);

    /// <summary>Returns when another process may have appended to the audit log (told by the database), or after
    /// <paramref name="timeout"/> at the latest: what a follower of the log waits on between passes.</summary>
    Task WaitForAuditAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
