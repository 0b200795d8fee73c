using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Copies;
using Archive.Core.Preservation;
using Archive.Core.Registry;

namespace Archive.Core.Storage;

/// <summary>Opens one kind of record in the session's transaction.</summary>
internal interface IRecordSetSource
{
    IRecordSet<T> Open<T>(string name, bool writable) where T : class;
}

/// <summary>
/// One session of a catalog, whichever engine keeps it: its record sets, opened when first used, and (when it writes) the
/// changes to append to the audit log with the transaction.
/// </summary>
internal sealed class CatalogSession(IRecordSetSource source, List<AuditChange>? changes) : ICatalogSession
{
    private readonly Dictionary<string, object> _open = [];

    public List<AuditChange>? Changes => changes;
    public IRecordSet<Agency> Agencies => Set<Agency>(CatalogMapping.Agencies);
    public IRecordSet<Fonds> Fonds => Set<Fonds>(CatalogMapping.Fonds);
    public IRecordSet<Dossier> Dossiers => Set<Dossier>(CatalogMapping.Dossiers);
    public IRecordSet<ArchivedDocument> Documents => Set<ArchivedDocument>(CatalogMapping.Documents);
    public IRecordSet<BlobReference> Blobs => Set<BlobReference>(CatalogMapping.Blobs);
    public IRecordSet<PreservationEvent> Events => Set<PreservationEvent>(CatalogMapping.Events);
    public IRecordSet<FixityEventBatch> FixityEvents => Set<FixityEventBatch>(CatalogMapping.FixityEvents);
    public IRecordSet<Problem> Problems => Set<Problem>(CatalogMapping.Problems);
    public IRecordSet<JobRun> JobRuns => Set<JobRun>(CatalogMapping.JobRuns);
    public IRecordSet<InboxItem> Inbox => Set<InboxItem>(CatalogMapping.Inbox);
    public IRecordSet<ArrivalEntry> Arrivals => Set<ArrivalEntry>(CatalogMapping.Arrivals);
    public IRecordSet<UserAccount> Users => Set<UserAccount>(CatalogMapping.Users);
    public IRecordSet<ApiToken> Tokens => Set<ApiToken>(CatalogMapping.Tokens);
    public IRecordSet<DossierGrant> Grants => Set<DossierGrant>(CatalogMapping.Grants);
    public IRecordSet<CopyRequest> CopyRequests => Set<CopyRequest>(CatalogMapping.CopyRequests);
    public IRecordSet<CopyRegisterEntry> CopyRegister => Set<CopyRegisterEntry>(CatalogMapping.CopyRegister);
    public IRecordSet<Processing.ProcessingTask> Tasks => Set<Processing.ProcessingTask>(CatalogMapping.Tasks);
    public IRecordSet<BackupMedium> BackupMedia => Set<BackupMedium>(CatalogMapping.BackupMedia);
    public IRecordSet<Issuing.OutgoingDocument> Outgoing => Set<Issuing.OutgoingDocument>(CatalogMapping.Outgoing);
    public IRecordSet<Issuing.RegisterCounter> RegisterCounters => Set<Issuing.RegisterCounter>(CatalogMapping.RegisterCounters);

    public void Record(AuditChange change)
    {
        if (changes is null) throw new InvalidOperationException("A read-only catalog session cannot record changes.");
        changes.Add(change);
    }

    private IRecordSet<T> Set<T>(string name) where T : class
    {
        if (!_open.TryGetValue(name, out var set)) _open[name] = set = source.Open<T>(name, writable: changes is not null);
        return (IRecordSet<T>)set;
    }
}
