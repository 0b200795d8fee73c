using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>The audit log as people read it: its entries and the check of its hash chain, for those allowed to read it.</summary>
public sealed class AuditLog(ArchiveStore store, AccessPolicy policy)
{
    public IReadOnlyList<AuditEntry> Entries(Actor actor, long fromSequence = 1, int limit = 100)
    {
        Demand(actor);
        return store.Catalog.AuditEntries(fromSequence, limit);
    }

    /// <summary>The newest entries first; <paramref name="before"/> pages back through older ones.</summary>
    public IReadOnlyList<AuditEntry> Latest(Actor actor, long? before = null, int limit = 100)
    {
        Demand(actor);
        return store.Catalog.LatestAuditEntries(before, limit);
    }

    public AuditVerification Verify(Actor actor, IProgress<long>? progress = null)
    {
        Demand(actor);
        return store.Catalog.VerifyAudit(progress);
    }

    private void Demand(Actor actor) => store.Catalog.Read(s =>
    {
        policy.Demand(s, actor, Operation.AuditRead);
        return 0;
    });
}
