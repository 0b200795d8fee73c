using System.Data;
using Archive.Core.Audit;
using LiteDB;
using Npgsql;
using Serilog;

namespace Archive.Core.Storage.Postgres;

/// <summary>
/// The catalog on PostgreSQL, shared by every node and command of a deployment. A read is one REPEATABLE READ transaction (a
/// consistent snapshot); a write is one transaction that first takes the catalog's advisory lock, so writes from any process
/// follow one another as in the embedded catalog: numbers counted inside a write never repeat or skip, and the audit chain,
/// extended in the same transaction, stays one line. A commit returns once PostgreSQL has it on disk.
/// </summary>
public sealed class PostgresCatalogStore : ICatalogStore
{
    /// <summary>The advisory lock key every write takes ("ARCHWRIT").</summary>
    private const long WriteLock = 0x4152434857524954;

    private readonly NpgsqlDataSource _source;
    // One writer per process waits for the advisory lock: a hundred waiting would hold a hundred pooled connections, and the
    // one holding the lock could then not get a connection for a read of its own.
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly BsonMapper _mapper = CatalogMapping.Create();
    // The connection that listens for appends to the audit log, opened by the first wait (one waiter at a time).
    private readonly SemaphoreSlim _listening = new(1, 1);
    private NpgsqlConnection? _listener;
    private readonly TimeProvider _clock;
    private readonly ILogger _log;

    private PostgresCatalogStore(NpgsqlDataSource source, TimeProvider clock, ILogger log)
    {
        _source = source;
        _clock = clock;
        _log = log.ForContext<PostgresCatalogStore>();
    }

    /// <summary>Connects, and creates or migrates the schema (never by hand).</summary>
    public static PostgresCatalogStore Open(string connectionString, TimeProvider clock, ILogger log)
    {
        var source = NpgsqlDataSource.Create(connectionString);
        try
        {
            CatalogSchema.Migrate(source, log);
            return new PostgresCatalogStore(source, clock, log);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    public long Generation => Reading(() =>
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand("SELECT generation FROM catalog_state", connection);
        return (long)command.ExecuteScalar()!;
    });

    public T Read<T>(Func<ICatalogSession, T> query) => Reading(() =>
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        var result = query(new CatalogSession(new RecordSets(connection, transaction, _mapper), null));
        transaction.Commit();
        return result;
    });

    /// <summary>
    /// A read, asked again once on a fresh connection when the server dropped the one it had (a restart, a fail-over): the
    /// pooled connections it dropped are cleared, so the node recovers with the database instead of failing once per connection.
    /// </summary>
    private T Reading<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (NpgsqlException e) when (Dropped(e))
        {
            _log.Warning(e, "The catalog database dropped the connection; reading again on a new one");
            _source.Clear();
            return read();
        }
    }

    /// <summary>The connection was lost or the server is shutting down, rather than the statement being refused.</summary>
    private static bool Dropped(NpgsqlException e) =>
        e is not PostgresException || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" };

    public T Write<T>(Actor actor, Func<ICatalogSession, T> work)
    {
        _writer.Wait();
        try
        {
            return Commit(actor, work);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary><see cref="Write{T}"/> without holding a thread while other writers of this process go first.</summary>
    public async Task<T> WriteAsync<T>(Actor actor, Func<ICatalogSession, T> work)
    {
        await _writer.WaitAsync().ConfigureAwait(false);
        try
        {
            return Commit(actor, work);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>One write transaction: the catalog's lock, the work, its audit entries, the commit (synchronous, as the work's
    /// own statements are).</summary>
    private T Commit<T>(Actor actor, Func<ICatalogSession, T> work)
    {
        try
        {
            using var connection = _source.OpenConnection();
            using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
            Lock(connection, transaction);
            var (result, appended) = Run(actor, work, connection, transaction);
            transaction.Commit();
            Logged(appended);
            return result;
        }
        catch (NpgsqlException e) when (Dropped(e))
        {
            // Not written again here: a commit whose answer was lost may have happened. The caller says so; the next write
            // gets a fresh connection.
            _source.Clear();
            throw;
        }
    }

    public IReadOnlyList<AuditEntry> AuditEntriesFor(IReadOnlyCollection<string> objectIds) =>
        AuditQuery("WHERE object_id = ANY(@ids) ORDER BY sequence", ("ids", objectIds.ToArray()));

    public IReadOnlyList<AuditEntry> AuditEntries(long fromSequence = 1, int limit = int.MaxValue) =>
        AuditQuery("WHERE sequence >= @from ORDER BY sequence LIMIT @limit", ("from", fromSequence), ("limit", (long)limit));

    public IReadOnlyList<AuditEntry> LatestAuditEntries(long? before, int limit) =>
        AuditQuery("WHERE sequence < @before ORDER BY sequence DESC LIMIT @limit", ("before", before ?? long.MaxValue),
            ("limit", (long)limit));

    public AuditVerification VerifyAudit(IProgress<long>? progress = null)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        using var head = new NpgsqlCommand("SELECT audit_sequence, audit_hash FROM catalog_state", connection, transaction);
        (long, string)? recorded;
        using (var reader = head.ExecuteReader())
        {
            reader.Read();
            recorded = (reader.GetInt64(0), reader.GetString(1));
        }
        using var entries = new NpgsqlCommand($"SELECT {AuditColumns} FROM audit ORDER BY sequence", connection, transaction);
        using var rows = entries.ExecuteReader();
        return AuditChain.Verify(Entries(rows), recorded, progress);
    }

    /// <summary>
    /// Fills an empty catalog in one transaction: each collection's documents as they are, the audit log entry for entry with
    /// its hashes (the chain continues from its head). Refused when the database already holds a catalog.
    /// </summary>
    internal void Import(IEnumerable<(string Collection, IEnumerable<BsonDocument> Records)> collections, IEnumerable<AuditEntry> audit)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.ReadCommitted);
        Lock(connection, transaction);
        var tables = string.Join(" UNION ALL ", CatalogMapping.Collections.Select(c => $"SELECT 1 FROM {CatalogSchema.Table(c)}"));
        using (var occupied = new NpgsqlCommand(
                   $"SELECT (SELECT audit_sequence FROM catalog_state) > 0 OR EXISTS ({tables})", connection, transaction))
            if ((bool)occupied.ExecuteScalar()!)
                throw new Application.InvalidRequestException(
                    "Cơ sở dữ liệu PostgreSQL đích đã có danh mục; "
                    + "chỉ chuyển vào một cơ sở dữ liệu chưa có hồ sơ, văn bản hay nhật ký nào.");
        foreach (var (collection, records) in collections)
            RecordRows.Insert(connection, transaction, collection, records.Select(RecordRows.Row));
        InsertAudit(connection, transaction, audit);
        using (var bump = new NpgsqlCommand("UPDATE catalog_state SET generation = generation + 1", connection, transaction))
            bump.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <summary>Every record of a collection as stored: its id and its document.</summary>
    internal IEnumerable<(string Id, BsonDocument Document)> Documents(string collection)
    {
        using var connection = _source.OpenConnection();
        foreach (var record in Documents(connection, null, collection)) yield return record;
    }

    private static IEnumerable<(string Id, BsonDocument Document)> Documents(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string collection)
    {
        using var command = new NpgsqlCommand($"SELECT id, doc FROM {CatalogSchema.Table(collection)}", connection, transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return (reader.GetString(0), LiteDB.JsonSerializer.Deserialize(reader.GetString(1)).AsDocument);
    }

    /// <summary>
    /// Copies the catalog, one consistent snapshot of it, into an embedded catalog file at <paramref name="destination"/>: a
    /// backup set holds the same catalog file whichever engine the archive runs on, so it is checked, read and restored by the
    /// same code (and a restored archive goes back onto PostgreSQL with <c>archive migrate --to postgres</c>).
    /// </summary>
    public void SnapshotTo(string destination)
    {
        using var connection = _source.OpenConnection();
        using var transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead);
        using (var copy = new LiteCatalogStore(destination, _clock, _log))
        {
            // Read one after another on the one connection, as the copy takes them: a collection, the next, then the log.
            copy.Import(CatalogMapping.Collections.Select(c => (c, Documents(connection, transaction, c).Select(d => d.Document))),
                AuditLog(connection, transaction));
        }
        transaction.Commit();
        // Folded into the file by the import: the set holds the one catalog file, as a snapshot of an embedded catalog does.
        File.Delete(CatalogFileStream.LogPathOf(destination));
    }

    private static IEnumerable<AuditEntry> AuditLog(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand($"SELECT {AuditColumns} FROM audit ORDER BY sequence", connection, transaction);
        using var reader = command.ExecuteReader();
        foreach (var entry in Entries(reader)) yield return entry;
    }

    /// <summary>Waits on a connection of its own that LISTENs to <see cref="CatalogSchema.AuditChannel"/>, on which the audit
    /// table's trigger notifies each committed append; without it (the database away, a pooler that cannot LISTEN), the
    /// caller polls: this returns after <paramref name="timeout"/>.</summary>
    public async Task WaitForAuditAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        await _listening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_listener is null)
            {
                var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await using var listen = new NpgsqlCommand($"LISTEN {CatalogSchema.AuditChannel}", connection);
                    await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await connection.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
                _listener = connection;
            }
            await _listener.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or TimeoutException)
        {
            _log.Warning(e, "Not told of the catalog's changes; looking for them every {Timeout}", timeout);
            if (_listener is not null) await _listener.DisposeAsync().ConfigureAwait(false);
            _listener = null;
            await Task.Delay(timeout, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _listening.Release();
        }
    }

    public void Dispose()
    {
        _listener?.Dispose();
        _source.Dispose();
        _writer.Dispose();
        _listening.Dispose();
    }

    private static void Lock(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction);
        command.Parameters.AddWithValue("key", WriteLock);
        command.ExecuteNonQuery();
    }

    private (T Result, List<AuditEntry> Appended) Run<T>(Actor actor, Func<ICatalogSession, T> work, NpgsqlConnection connection,
        NpgsqlTransaction transaction)
    {
        var session = new CatalogSession(new RecordSets(connection, transaction, _mapper), []);
        var result = work(session);
        var appended = AppendAudit(actor, session.Changes!, connection, transaction);
        using var bump = new NpgsqlCommand("UPDATE catalog_state SET generation = generation + 1", connection, transaction);
        bump.ExecuteNonQuery();
        return (result, appended);
    }

    private List<AuditEntry> AppendAudit(Actor actor, List<AuditChange> changes, NpgsqlConnection connection,
        NpgsqlTransaction transaction)
    {
        if (changes.Count == 0) return [];
        long sequence;
        string previous;
        using (var head = new NpgsqlCommand("SELECT audit_sequence, audit_hash FROM catalog_state", connection, transaction))
        using (var reader = head.ExecuteReader())
        {
            reader.Read();
            (sequence, previous) = (reader.GetInt64(0), reader.GetString(1));
        }
        var at = _clock.GetLocalNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        var entries = AuditChain.Extend(sequence, previous, actor, at, changes);
        InsertAudit(connection, transaction, entries);
        return entries;
    }

    /// <summary>Entries as rows of one statement (not an NpgsqlBatch: a batch run synchronously writes from a thread-pool
    /// thread, which callers blocked in Write, a hundred numbering requests at once, say, can leave it waiting for), and the
    /// new head of the chain.</summary>
    private static void InsertAudit(NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<AuditEntry> entries)
    {
        AuditEntry? last = null;
        foreach (var chunk in entries.Chunk(1000))
        {
            using var insert = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            var rows = new List<string>();
            foreach (var e in chunk)
            {
                var n = rows.Count;
                rows.Add($"(@s{n}, @at{n}, @ac{n}, @o{n}, @a{n}, @t{n}, @id{n}, @b{n}, @af{n}, @p{n}, @h{n})");
                object?[] values = [e.Sequence, e.At, e.Actor, e.Origin, e.Action, e.ObjectType, e.ObjectId, e.Before, e.After,
                    e.PreviousHash, e.Hash];
                string[] names = ["s", "at", "ac", "o", "a", "t", "id", "b", "af", "p", "h"];
                for (var i = 0; i < names.Length; i++) insert.Parameters.AddWithValue(names[i] + n, values[i] ?? DBNull.Value);
            }
            insert.CommandText = $"INSERT INTO audit ({AuditColumns}) VALUES {string.Join(", ", rows)}";
            insert.ExecuteNonQuery();
            last = chunk[^1];
        }
        if (last is null) return;
        using var state = new NpgsqlCommand("UPDATE catalog_state SET audit_sequence = @s, audit_hash = @h", connection, transaction);
        state.Parameters.AddWithValue("s", last.Sequence);
        state.Parameters.AddWithValue("h", last.Hash);
        state.ExecuteNonQuery();
    }

    private void Logged(List<AuditEntry> appended)
    {
        foreach (var entry in appended)
            _log.Information("Audit {Sequence} {Action} {ObjectType} {ObjectId} by {Actor} from {Origin} hash {Hash}",
                entry.Sequence, entry.Action, entry.ObjectType, entry.ObjectId, entry.Actor, entry.Origin, entry.Hash);
    }

    private const string AuditColumns = "sequence, at, actor, origin, action, object_type, object_id, before, after, previous_hash, hash";

    private List<AuditEntry> AuditQuery(string condition, params (string Name, object Value)[] parameters) => Reading(() =>
    {
        using var connection = _source.OpenConnection();
        using var command = new NpgsqlCommand($"SELECT {AuditColumns} FROM audit {condition}", connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        using var reader = command.ExecuteReader();
        return (List<AuditEntry>)[.. Entries(reader)];
    });

    private static IEnumerable<AuditEntry> Entries(NpgsqlDataReader reader)
    {
        while (reader.Read())
            yield return new AuditEntry
            {
                Sequence = reader.GetInt64(0), At = reader.GetString(1), Actor = reader.GetString(2), Origin = reader.GetString(3),
                Action = reader.GetString(4), ObjectType = reader.GetString(5), ObjectId = reader.GetString(6),
                Before = reader.IsDBNull(7) ? null : reader.GetString(7), After = reader.IsDBNull(8) ? null : reader.GetString(8),
                PreviousHash = reader.GetString(9), Hash = reader.GetString(10),
            };
    }

    private sealed class RecordSets(NpgsqlConnection connection, NpgsqlTransaction transaction, BsonMapper mapper) : IRecordSetSource
    {
        public IRecordSet<T> Open<T>(string name, bool writable) where T : class =>
            new PostgresRecordSet<T>(connection, transaction, name, mapper, writable);
    }
}
