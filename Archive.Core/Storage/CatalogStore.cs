using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Copies;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using LiteDB;
using Serilog;

namespace Archive.Core.Storage;

/// <summary>
/// The catalog in LiteDB (<c>catalog.db</c>). Writes are serialised and each runs in one LiteDB
/// transaction together with its audit entries, which extend the hash chain.
/// </summary>
public sealed class CatalogStore : IDisposable
{
    internal const string AuditCollection = "audit";
    private const string MetaCollection = "meta";
    private const string AuditHeadId = "audit-head";

    private readonly LiteDatabase _db;
    private readonly CatalogFileStream _data;
    private readonly CatalogFileStream _logFile;
    private readonly LiteDbLogEnd? _logEnd;

    /// <summary>The log file, for tests that count its fsyncs.</summary>
    internal CatalogFileStream LogFile => _logFile;
    private readonly string _path;
    private readonly ILogger _log;
    private readonly TimeProvider _clock;
    private readonly Lock _writeLock = new();

    // LiteDB 5.0.x corrupts its shared page cache when reads run side by side on a database larger than the cache
    // (upstream issue 2817, fixed after 5.0.21): 32 concurrent document pages on 100,000 documents broke it within seconds,
    // and the transactions its failures leaked then refused every read. Reads therefore run one at a time.
    private readonly Lock _readLock = new();
    private long _generation;

    public CatalogStore(string path, TimeProvider clock, ILogger log)
    {
        _clock = clock;
        _path = Path.GetFullPath(path);
        _log = log.ForContext<CatalogStore>();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _data = CatalogFileStream.Data(_path);
        _logFile = CatalogFileStream.LogOf(_path);
        try
        {
            _db = new LiteDatabase(_data, CatalogMapping.Create(), _logFile);
            _logEnd = LiteDbLogEnd.Of(_db);
            if (_logEnd is null) _log.Warning("LiteDB's log length was not found; every catalog write ends with a checkpoint instead");
            EnsureIndexes();
        }
        catch
        {
            _db?.Dispose();
            _logFile.Dispose();
            _data.Dispose();
            throw;
        }
    }

    public T Read<T>(Func<ICatalogSession, T> query) => Reading(() => query(new Session(_db, null)));

    /// <summary>Counts the transactions committed since the catalog was opened: what was read while it stood still is still
    /// true (this process is the catalog's only writer: its file is shared for reading only).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Runs <paramref name="work"/> in one transaction, its audit entries appended in order, and returns once it is on disk.</summary>
    /// <remarks>Blocks a thread while LiteDB's writer, on the thread pool, writes: concurrent work uses <see cref="WriteAsync{T}"/>.</remarks>
    public T Write<T>(Actor actor, Func<ICatalogSession, T> work)
    {
        var (result, durable) = Commit(actor, work);
        durable.GetAwaiter().GetResult();
        return result;
    }

    /// <summary><see cref="Write{T}"/> without holding a thread while the transaction reaches the disk.</summary>
    public async Task<T> WriteAsync<T>(Actor actor, Func<ICatalogSession, T> work)
    {
        var (result, durable) = Commit(actor, work);
        await durable.ConfigureAwait(false);
        return result;
    }

    /// <returns>The work's result, and a task that completes when the transaction is on disk (the caller may then move
    /// the received file away). Waited for outside the lock, so that the next transaction is written meanwhile and one
    /// fsync can cover several.</returns>
    private (T Result, Task Durable) Commit<T>(Actor actor, Func<ICatalogSession, T> work)
    {
        T result;
        List<AuditEntry> appended;
        Task durable;
        lock (_writeLock)
        {
            if (!_db.BeginTrans())
                throw new InvalidOperationException("A catalog transaction is already open on this thread.");
            try
            {
                var session = new Session(_db, new List<AuditChange>());
                result = work(session);
                appended = AppendAudit(actor, session.Changes!);
                _db.Commit();
                Interlocked.Increment(ref _generation);
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            if (_logEnd is null) _db.Checkpoint();
            durable = _logFile.WhenDurableAsync(_logFile.Generation, _logEnd?.Read() ?? 0);
        }
        foreach (var entry in appended)
            _log.Information("Audit {Sequence} {Action} {ObjectType} {ObjectId} by {Actor} from {Origin} hash {Hash}",
                entry.Sequence, entry.Action, entry.ObjectType, entry.ObjectId, entry.Actor, entry.Origin, entry.Hash);
        return (result, durable);
    }

    /// <summary>The audit trail of some objects (a document and the inbox item it arrived as, say), oldest first; found by an index.</summary>
    public IReadOnlyList<AuditEntry> AuditEntriesFor(IReadOnlyCollection<string> objectIds) => Reading(() =>
        objectIds.SelectMany(id => _db.GetCollection<AuditEntry>(AuditCollection).Find(BsonExpression.Create("ObjectId = @0",
            new BsonValue(id)))).OrderBy(e => e.Sequence).ToList());

    public IReadOnlyList<AuditEntry> AuditEntries(long fromSequence = 1, int limit = int.MaxValue) => Reading(() =>
        _db.GetCollection<AuditEntry>(AuditCollection).Query()
            .Where(e => e.Sequence >= fromSequence).OrderBy(e => e.Sequence).Limit(limit).ToList());

    /// <summary>The newest entries first, older than <paramref name="before"/> when it is given: a page of the log as people
    /// read it.</summary>
    public IReadOnlyList<AuditEntry> LatestAuditEntries(long? before, int limit) => Reading(() =>
        _db.GetCollection<AuditEntry>(AuditCollection).Query()
            .Where(e => e.Sequence < (before ?? long.MaxValue)).OrderByDescending(e => e.Sequence).Limit(limit).ToList());

    private T Reading<T>(Func<T> query)
    {
        lock (_readLock) return query();
    }

    /// <summary>Recomputes the chain from the first entry and names the first entry that does not fit.</summary>
    /// <remarks>Holds the reads for as long as it takes: the command line runs it, alone with its data folder.</remarks>
    public AuditVerification VerifyAudit(IProgress<long>? progress = null) => Reading(() => VerifyChain(progress));

    private AuditVerification VerifyChain(IProgress<long>? progress)
    {
        var previous = AuditChain.Genesis;
        long expected = 1, checkedCount = 0;
        foreach (var entry in _db.GetCollection<AuditEntry>(AuditCollection).Query().OrderBy(e => e.Sequence).ToEnumerable())
        {
            if (entry.Sequence != expected)
                return new AuditVerification(checkedCount, expected, AuditBreak.Missing);
            if (AuditChain.HashOf(entry) != entry.Hash)
                return new AuditVerification(checkedCount, entry.Sequence, AuditBreak.Edited);
            // This entry is self-consistent but names another predecessor: the one before it was
            // rewritten with a fresh hash (or this link was forged), so the break is at the previous entry.
            if (entry.PreviousHash != previous)
                return new AuditVerification(checkedCount, entry.Sequence - 1, AuditBreak.Rehashed);
            previous = entry.Hash;
            expected++;
            checkedCount++;
            if (checkedCount % 10_000 == 0) progress?.Report(checkedCount);
        }
        var head = _db.GetCollection(MetaCollection).FindById(AuditHeadId);
        if (head is not null && (head["Sequence"].AsInt64 != expected - 1 || head["Hash"].AsString != previous))
            return new AuditVerification(checkedCount, expected, AuditBreak.Truncated);
        return new AuditVerification(checkedCount, null, null);
    }

    /// <summary>
    /// Copies a consistent catalog to <paramref name="destination"/> while the archive keeps running:
    /// writes wait on the write lock for the moment it takes to fold the log in and copy the file.
    /// </summary>
    public void SnapshotTo(string destination)
    {
        lock (_writeLock)
        {
            _db.Checkpoint();
            File.Copy(_path, destination, overwrite: false);
        }
    }

    public void Dispose()
    {
        _db.Dispose();
        _logFile.Dispose();
        _data.Dispose();
    }

    private List<AuditEntry> AppendAudit(Actor actor, List<AuditChange> changes)
    {
        var entries = new List<AuditEntry>(changes.Count);
        if (changes.Count == 0) return entries;
        var audit = _db.GetCollection<AuditEntry>(AuditCollection);
        var meta = _db.GetCollection(MetaCollection);
        var head = meta.FindById(AuditHeadId);
        var sequence = head?["Sequence"].AsInt64 ?? 0;
        var previous = head?["Hash"].AsString ?? AuditChain.Genesis;
        var at = _clock.GetLocalNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var change in changes)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence, At = at, Actor = actor.Name, Origin = actor.Origin, Action = change.Action,
                ObjectType = change.ObjectType, ObjectId = change.ObjectId, Before = change.Before, After = change.After,
                PreviousHash = previous,
            };
            entry = entry with { Hash = AuditChain.HashOf(entry) };
            audit.Insert(entry);
            entries.Add(entry);
            previous = entry.Hash;
        }
        meta.Upsert(new BsonDocument { ["_id"] = AuditHeadId, ["Sequence"] = sequence, ["Hash"] = previous });
        return entries;
    }

    private void EnsureIndexes()
    {
        _db.GetCollection<Dossier>(CatalogMapping.Dossiers).EnsureIndex(d => d.OrganId);
        _db.GetCollection<ArchivedDocument>(CatalogMapping.Documents).EnsureIndex(d => d.FileCode);
        _db.GetCollection<ArchivedDocument>(CatalogMapping.Documents).EnsureIndex(d => d.DocCode, unique: true);
        // The duplicate check of every received document (same số, ký hiệu, cơ quan) must not read the whole catalog.
        _db.GetCollection<ArchivedDocument>(CatalogMapping.Documents).EnsureIndex(d => d.CodeNumber);
        _db.GetCollection<BlobReference>(CatalogMapping.Blobs).EnsureIndex(b => b.OwnerId);
        _db.GetCollection<PreservationEvent>(CatalogMapping.Events).EnsureIndex(e => e.ObjectId);
        _db.GetCollection<JobRun>(CatalogMapping.JobRuns).EnsureIndex(r => r.Job);
        _db.GetCollection<InboxItem>(CatalogMapping.Inbox).EnsureIndex(i => i.Digest);
        _db.GetCollection<InboxItem>(CatalogMapping.Inbox).EnsureIndex(i => i.AwaitingPreservation);
        // A document's page and every read of its original find the inbox item it arrived as.
        _db.GetCollection<InboxItem>(CatalogMapping.Inbox).EnsureIndex(i => i.DocumentId);
        _db.GetCollection<ArrivalEntry>(CatalogMapping.Arrivals).EnsureIndex(a => a.Year);
        _db.GetCollection<DossierGrant>(CatalogMapping.Grants).EnsureIndex(g => g.Grantee);
        _db.GetCollection<AuditEntry>(AuditCollection).EnsureIndex(e => e.ObjectId);
        _db.GetCollection<DossierGrant>(CatalogMapping.Grants).EnsureIndex(g => g.FileCode);
        _db.GetCollection<CopyRequest>(CatalogMapping.CopyRequests).EnsureIndex(r => r.Year);
        // A copy handed in for verification is found by its SHA-256 or the code it shows.
        _db.GetCollection<CopyRegisterEntry>(CatalogMapping.CopyRegister).EnsureIndex(e => e.Sha256);
        _db.GetCollection<CopyRegisterEntry>(CatalogMapping.CopyRegister).EnsureIndex(e => e.VerificationCode);
        _db.GetCollection<ApiToken>(CatalogMapping.Tokens).EnsureIndex(t => t.Login);
    }

    private sealed class Session(LiteDatabase db, List<AuditChange>? changes) : ICatalogSession
    {
        public List<AuditChange>? Changes => changes;
        public IRecordSet<Agency> Agencies { get; } = Set<Agency>(db, CatalogMapping.Agencies, changes is not null);
        public IRecordSet<Fonds> Fonds { get; } = Set<Fonds>(db, CatalogMapping.Fonds, changes is not null);
        public IRecordSet<Dossier> Dossiers { get; } = Set<Dossier>(db, CatalogMapping.Dossiers, changes is not null);
        public IRecordSet<ArchivedDocument> Documents { get; } = Set<ArchivedDocument>(db, CatalogMapping.Documents, changes is not null);
        public IRecordSet<BlobReference> Blobs { get; } = Set<BlobReference>(db, CatalogMapping.Blobs, changes is not null);
        public IRecordSet<PreservationEvent> Events { get; } = Set<PreservationEvent>(db, CatalogMapping.Events, changes is not null);
        public IRecordSet<FixityEventBatch> FixityEvents { get; } = Set<FixityEventBatch>(db, CatalogMapping.FixityEvents, changes is not null);
        public IRecordSet<Problem> Problems { get; } = Set<Problem>(db, CatalogMapping.Problems, changes is not null);
        public IRecordSet<JobRun> JobRuns { get; } = Set<JobRun>(db, CatalogMapping.JobRuns, changes is not null);
        public IRecordSet<InboxItem> Inbox { get; } = Set<InboxItem>(db, CatalogMapping.Inbox, changes is not null);
        public IRecordSet<ArrivalEntry> Arrivals { get; } = Set<ArrivalEntry>(db, CatalogMapping.Arrivals, changes is not null);
        public IRecordSet<UserAccount> Users { get; } = Set<UserAccount>(db, CatalogMapping.Users, changes is not null);
        public IRecordSet<ApiToken> Tokens { get; } = Set<ApiToken>(db, CatalogMapping.Tokens, changes is not null);
        public IRecordSet<DossierGrant> Grants { get; } = Set<DossierGrant>(db, CatalogMapping.Grants, changes is not null);
        public IRecordSet<CopyRequest> CopyRequests { get; } = Set<CopyRequest>(db, CatalogMapping.CopyRequests, changes is not null);
        public IRecordSet<CopyRegisterEntry> CopyRegister { get; } =
            Set<CopyRegisterEntry>(db, CatalogMapping.CopyRegister, changes is not null);
        public IRecordSet<Processing.ProcessingTask> Tasks { get; } =
            Set<Processing.ProcessingTask>(db, CatalogMapping.Tasks, changes is not null);
        public IRecordSet<BackupMedium> BackupMedia { get; } = Set<BackupMedium>(db, CatalogMapping.BackupMedia, changes is not null);
        public IRecordSet<Issuing.OutgoingDocument> Outgoing { get; } =
            Set<Issuing.OutgoingDocument>(db, CatalogMapping.Outgoing, changes is not null);
        public IRecordSet<Issuing.RegisterCounter> RegisterCounters { get; } =
            Set<Issuing.RegisterCounter>(db, CatalogMapping.RegisterCounters, changes is not null);

        public void Record(AuditChange change)
        {
            if (changes is null) throw new InvalidOperationException("A read-only catalog session cannot record changes.");
            changes.Add(change);
        }

        private static LiteRecordSet<T> Set<T>(LiteDatabase db, string name, bool writable) where T : class =>
            new(db.GetCollection<T>(name), db.Mapper, writable);
    }
}
