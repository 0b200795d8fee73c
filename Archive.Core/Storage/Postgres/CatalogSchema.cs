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
        (2, "the scheduler's tables (Quartz.NET ADO.NET job store, clustered)", () => QuartzTables),
        (3, "appends to the audit log notify listeners (the search index feed of every node)", () => AuditNotification),
    ];

    /// <summary>The channel on which each committed append to the audit log is announced (NOTIFY, delivered at commit).</summary>
    public const string AuditChannel = "archive_audit";

    private const string AuditNotification = $$"""
        CREATE FUNCTION audit_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('{{AuditChannel}}', '');
            RETURN NULL;
        END $$;
        CREATE TRIGGER audit_appended AFTER INSERT ON audit FOR EACH STATEMENT EXECUTE FUNCTION audit_notify();
        """;

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

    /// <summary>
    /// The tables Quartz.NET's ADO.NET job store reads and writes (its PostgreSQL delegate; the columns are Quartz's contract),
    /// so that the nodes of a cluster fire each scheduled job once between them and take over the jobs of a node that died.
    /// </summary>
    private const string QuartzTables = """
        CREATE TABLE qrtz_job_details (
            sched_name text NOT NULL, job_name text NOT NULL, job_group text NOT NULL, description text, job_class_name text NOT NULL,
            is_durable bool NOT NULL, is_nonconcurrent bool NOT NULL, is_update_data bool NOT NULL, requests_recovery bool NOT NULL,
            job_data bytea, PRIMARY KEY (sched_name, job_name, job_group));
        CREATE TABLE qrtz_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, job_name text NOT NULL,
            job_group text NOT NULL, description text, next_fire_time bigint, prev_fire_time bigint, priority integer,
            trigger_state text NOT NULL, trigger_type text NOT NULL, start_time bigint NOT NULL, end_time bigint, calendar_name text,
            misfire_instr smallint, job_data bytea, misfire_orig_fire_time bigint,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, job_name, job_group) REFERENCES qrtz_job_details (sched_name, job_name, job_group));
        CREATE TABLE qrtz_simple_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, repeat_count bigint NOT NULL,
            repeat_interval bigint NOT NULL, times_triggered bigint NOT NULL, PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
                ON DELETE CASCADE);
        CREATE TABLE qrtz_simprop_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, str_prop_1 text, str_prop_2 text,
            str_prop_3 text, int_prop_1 integer, int_prop_2 integer, long_prop_1 bigint, long_prop_2 bigint, dec_prop_1 numeric,
            dec_prop_2 numeric, bool_prop_1 bool, bool_prop_2 bool, time_zone_id text,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
                ON DELETE CASCADE);
        CREATE TABLE qrtz_cron_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, cron_expression text NOT NULL,
            time_zone_id text, PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
                ON DELETE CASCADE);
        CREATE TABLE qrtz_blob_triggers (
            sched_name text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL, blob_data bytea,
            PRIMARY KEY (sched_name, trigger_name, trigger_group),
            FOREIGN KEY (sched_name, trigger_name, trigger_group) REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group)
                ON DELETE CASCADE);
        CREATE TABLE qrtz_calendars (
            sched_name text NOT NULL, calendar_name text NOT NULL, calendar bytea NOT NULL, PRIMARY KEY (sched_name, calendar_name));
        CREATE TABLE qrtz_paused_trigger_grps (
            sched_name text NOT NULL, trigger_group text NOT NULL, PRIMARY KEY (sched_name, trigger_group));
        CREATE TABLE qrtz_fired_triggers (
            sched_name text NOT NULL, entry_id text NOT NULL, trigger_name text NOT NULL, trigger_group text NOT NULL,
            instance_name text NOT NULL, fired_time bigint NOT NULL, sched_time bigint NOT NULL, priority integer NOT NULL,
            state text NOT NULL, job_name text, job_group text, is_nonconcurrent bool, requests_recovery bool,
            PRIMARY KEY (sched_name, entry_id));
        CREATE TABLE qrtz_scheduler_state (
            sched_name text NOT NULL, instance_name text NOT NULL, last_checkin_time bigint NOT NULL, checkin_interval bigint NOT NULL,
            PRIMARY KEY (sched_name, instance_name));
        CREATE TABLE qrtz_locks (sched_name text NOT NULL, lock_name text NOT NULL, PRIMARY KEY (sched_name, lock_name));
        CREATE INDEX qrtz_t_next_fire_time ON qrtz_triggers (sched_name, next_fire_time);
        CREATE INDEX qrtz_t_state ON qrtz_triggers (sched_name, trigger_state);
        CREATE INDEX qrtz_ft_instance ON qrtz_fired_triggers (sched_name, instance_name);
        CREATE INDEX qrtz_ft_job ON qrtz_fired_triggers (sched_name, job_name, job_group);
        """;

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, long? key = null)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        if (key is { } value) command.Parameters.AddWithValue("key", value);
        command.ExecuteNonQuery();
    }
}
