using Archive.Core.Audit;
using LiteDB;
using Serilog;

namespace Archive.Core.Storage;

/// <summary>
/// The catalog in LiteDB (<c>catalog.db</c>). Writes are serialised and each runs in one LiteDB
/// transaction together with its audit entries, which extend the hash chain.
/// </summary>
public sealed class LiteCatalogStore : ICatalogStore
{
    internal const string AuditCollection = CatalogMapping.Audit;
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
    // LiteDB 5.0.x corrupts its shared page cache when reads run side by side on a database larger than the cache
    // (upstream issue 2817, fixed after 5.0.21): 32 concurrent document pages on 100,000 documents broke it within seconds,
    // and the transactions its failures leaked then refused every read. A read beside a write fails the same way ("Page type
    // must be data page": bench/catalog.sh, one reader beside a writer at a million documents). Reads and writes therefore
    // take turns; the wait for the disk after a commit is outside.
    private readonly Lock _gate = new();
    private long _generation;

    public LiteCatalogStore(string path, TimeProvider clock, ILogger log)
    {
        _clock = clock;
        _path = Path.GetFullPath(path);
        _log = log.ForContext<LiteCatalogStore>();
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

    public T Read<T>(Func<ICatalogSession, T> query) => Reading(() => query(new CatalogSession(new LiteRecordSets(_db), null)));

    /// <summary>Counts the transactions committed since the catalog was opened: what was read while it stood still is still
    /// true (this process is the catalog's only writer: its file is shared for reading only).</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Runs <paramref name="work"/> in one transaction, its audit entries appended in order, and returns once it is
    /// on disk.</summary>
    /// <remarks>Blocks a thread while LiteDB's writer, on the thread pool, writes: concurrent work uses
    /// <see cref="WriteAsync{T}"/>.</remarks>
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
        lock (_gate)
        {
            if (!_db.BeginTrans())
                throw new InvalidOperationException("A catalog transaction is already open on this thread.");
            try
            {
                var session = new CatalogSession(new LiteRecordSets(_db), []);
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

    /// <summary>The audit trail of some objects (a document and the inbox item it arrived as, say), oldest first; found by an
    /// index.</summary>
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
        lock (_gate) return query();
    }

    /// <summary>Hands <paramref name="export"/> every collection's documents and the audit log, read while nothing writes.</summary>
    internal void Export(Action<IEnumerable<(string Collection, IEnumerable<BsonDocument> Records)>, IEnumerable<AuditEntry>> export)
    {
        lock (_gate)
            export(CatalogMapping.Collections.Select(c => (c, _db.GetCollection(c).FindAll())),
                _db.GetCollection<AuditEntry>(AuditCollection).Query().OrderBy(e => e.Sequence).ToEnumerable());
    }

    /// <summary>
    /// Fills this catalog, which must be empty, with another's records as they are and its audit log entry for entry (hashes
    /// kept, the head set to the last), then folds the log into the file: a snapshot of a PostgreSQL catalog for a backup set.
    /// </summary>
    internal void Import(IEnumerable<(string Collection, IEnumerable<BsonDocument> Records)> collections, IEnumerable<AuditEntry> audit)
    {
        lock (_gate)
        {
            if (CatalogMapping.Collections.Append(AuditCollection).Any(c => _db.GetCollection(c).Count() > 0))
                throw new InvalidOperationException($"The catalog at {_path} is not empty; a snapshot is only copied into a new one.");
            if (!_db.BeginTrans()) throw new InvalidOperationException("A catalog transaction is already open on this thread.");
            try
            {
                foreach (var (collection, records) in collections)
                    foreach (var batch in records.Chunk(1000)) _db.GetCollection(collection).InsertBulk(batch);
                AuditEntry? last = null;
                foreach (var batch in audit.Chunk(1000))
                {
                    _db.GetCollection<AuditEntry>(AuditCollection).InsertBulk(batch);
                    last = batch[^1];
                }
                if (last is not null)
                    _db.GetCollection(MetaCollection).Upsert(new BsonDocument
                    {
                        ["_id"] = AuditHeadId, ["Sequence"] = last.Sequence, ["Hash"] = last.Hash,
                    });
                _db.Commit();
            }
            catch
            {
                _db.Rollback();
                throw;
            }
            _db.Checkpoint();
        }
    }

    /// <summary>Recomputes the chain from the first entry and names the first entry that does not fit.</summary>
    /// <remarks>Holds the reads for as long as it takes: the command line runs it, alone with its data folder.</remarks>
    public AuditVerification VerifyAudit(IProgress<long>? progress = null) => Reading(() => VerifyChain(progress));

    private AuditVerification VerifyChain(IProgress<long>? progress)
    {
        var head = _db.GetCollection(MetaCollection).FindById(AuditHeadId);
        return AuditChain.Verify(_db.GetCollection<AuditEntry>(AuditCollection).Query().OrderBy(e => e.Sequence).ToEnumerable(),
            head is null ? null : (head["Sequence"].AsInt64, head["Hash"].AsString), progress);
    }

    /// <summary>
    /// Copies a consistent catalog to <paramref name="destination"/> while the archive keeps running:
    /// reads and writes wait for the moment it takes to fold the log in and copy the file.
    /// </summary>
    public void SnapshotTo(string destination)
    {
        lock (_gate)
        {
            _db.Checkpoint();
            File.Copy(_path, destination, overwrite: false);
        }
    }

    // One process writes the embedded catalog: nobody else appends, so there is nothing to be told.
    public Task WaitForAuditAsync(TimeSpan timeout, CancellationToken cancellationToken) => Task.Delay(timeout, cancellationToken);

    public void Dispose()
    {
        _db.Dispose();
        _logFile.Dispose();
        _data.Dispose();
    }

    private List<AuditEntry> AppendAudit(Actor actor, List<AuditChange> changes)
    {
        if (changes.Count == 0) return [];
        var meta = _db.GetCollection(MetaCollection);
        var head = meta.FindById(AuditHeadId);
        var at = _clock.GetLocalNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var entries = AuditChain.Extend(head?["Sequence"].AsInt64 ?? 0, head?["Hash"].AsString ?? AuditChain.Genesis, actor, at, changes);
        _db.GetCollection<AuditEntry>(AuditCollection).InsertBulk(entries);
        meta.Upsert(new BsonDocument { ["_id"] = AuditHeadId, ["Sequence"] = entries[^1].Sequence, ["Hash"] = entries[^1].Hash });
        return entries;
    }

    private void EnsureIndexes()
    {
        // Named as EnsureIndex(x => x.Field) names them, so that catalogs made before find their indexes.
        foreach (var (collection, field, unique) in CatalogMapping.Indexes)
            _db.GetCollection(collection).EnsureIndex(field, BsonExpression.Create("$." + field), unique);
        _db.GetCollection(AuditCollection).EnsureIndex("ObjectId", BsonExpression.Create("$.ObjectId"), false);
    }

    private sealed class LiteRecordSets(LiteDatabase db) : IRecordSetSource
    {
        public IRecordSet<T> Open<T>(string name, bool writable) where T : class =>
            new LiteRecordSet<T>(db.GetCollection<T>(name), db.Mapper, writable);
    }
}
