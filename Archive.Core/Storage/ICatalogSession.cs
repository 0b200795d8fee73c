using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Copies;
using Archive.Core.Preservation;
using Archive.Core.Registry;

namespace Archive.Core.Storage;

/// <summary>
/// The catalog inside one transaction. Every change a service makes through it must be described
/// by <see cref="Record"/>: the audit entry commits with the change or not at all.
/// </summary>
public interface ICatalogSession
{
    IRecordSet<Agency> Agencies { get; }
    IRecordSet<Fonds> Fonds { get; }
    IRecordSet<Dossier> Dossiers { get; }
    IRecordSet<ArchivedDocument> Documents { get; }
    IRecordSet<BlobReference> Blobs { get; }
    IRecordSet<PreservationEvent> Events { get; }
    IRecordSet<FixityEventBatch> FixityEvents { get; }
    IRecordSet<Problem> Problems { get; }
    IRecordSet<JobRun> JobRuns { get; }
    IRecordSet<InboxItem> Inbox { get; }
    IRecordSet<ArrivalEntry> Arrivals { get; }
    IRecordSet<UserAccount> Users { get; }
    IRecordSet<ApiToken> Tokens { get; }
    IRecordSet<DossierGrant> Grants { get; }
    IRecordSet<CopyRequest> CopyRequests { get; }
    IRecordSet<CopyRegisterEntry> CopyRegister { get; }
    IRecordSet<Processing.ProcessingTask> Tasks { get; }
    IRecordSet<BackupMedium> BackupMedia { get; }
    IRecordSet<Issuing.OutgoingDocument> Outgoing { get; }
    IRecordSet<Issuing.RegisterCounter> RegisterCounters { get; }

    void Record(AuditChange change);
}
