using Npgsql;
using Serilog;

namespace Archive.Core.Storage.Postgres;

/// <summary>
/// The catalog's tables on PostgreSQL, created and changed only here: numbered migrations, each applied once in its own
/// transaction and recorded in <c>schema_migrations</c>. Nodes starting together take turns (an advisory lock), so a migration
/// never runs twice. A record is kept as the JSON of its LiteDB document, so both engines map records by the same rules.
/// </summary>
internal static class CatalogSchema
{
    /// <summary>An advisory lock key of our own ("ARCHMIGR"), held while migrating.</summary>
    private const long MigrationLock = 0x415243484D494752;

    private static readonly IReadOnlyList<(int Version, string Description, Func<string> Sql)> Migrations =
    [
        (1, "records, audit log, catalog state", First),
    ];

    public static void Migrate(NpgsqlDataSource source, ILogger log)
    {
        using var connection = source.OpenConnection();
        Execute(connection, null, "SELECT pg_advisory_lock(@key)", MigrationLock);
        try
        {
            Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
                """);
            using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_migrations", connection);
            var applied = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (version, description, sql) in Migrations.Where(m => m.Version > applied))
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, sql());
                using var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (version, description) VALUES (@version, @description)", connection, transaction);
                record.Parameters.AddWithValue("version", version);
                record.Parameters.AddWithValue("description", description);
                record.ExecuteNonQuery();
                transaction.Commit();
                log.Information("Catalog schema migrated to version {Version}: {Description}", version, description);
            }
        }
        finally
        {
            Execute(connection, null, "SELECT pg_advisory_unlock(@key)", MigrationLock);
        }
    }

    /// <summary>A table name for a collection: the names are ours (CatalogMapping), quoted all the same.</summary>
    public static string Table(string collection) => "\"" + collection + "\"";

    private static string First()
    {
        var sql = new System.Text.StringBuilder();
        foreach (var collection in CatalogMapping.Collections)
            sql.AppendLine($"CREATE TABLE {Table(collection)} (id text COLLATE \"C\" PRIMARY KEY, doc jsonb NOT NULL);");
        foreach (var (collection, field, unique) in CatalogMapping.Indexes)
            sql.AppendLine(
                $"CREATE {(unique ? "UNIQUE " : "")}INDEX \"{collection}_{field}\" ON {Table(collection)} ((doc -> '{field}'));");
        sql.AppendLine("""
            CREATE TABLE audit (
                sequence bigint PRIMARY KEY, at text NOT NULL, actor text NOT NULL, origin text NOT NULL, action text NOT NULL,
                object_type text NOT NULL, object_id text NOT NULL, before text, after text, previous_hash text NOT NULL,
                hash text NOT NULL);
            CREATE INDEX audit_object_id ON audit (object_id);
            -- The log only grows: the database itself refuses to change or remove an entry, whoever asks.
            CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
            CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
            -- One row: the transactions committed (what caches compare) and the head of the audit chain.
            CREATE TABLE catalog_state (
                id integer PRIMARY KEY CHECK (id = 1), generation bigint NOT NULL, audit_sequence bigint NOT NULL,
                audit_hash text NOT NULL);
            """);
        sql.AppendLine($"INSERT INTO catalog_state VALUES (1, 0, 0, '{Audit.AuditChain.Genesis}');");
        return sql.ToString();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, long? key = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is { } value) command.Parameters.AddWithValue("key", value);
        command.ExecuteNonQuery();
    }
}
