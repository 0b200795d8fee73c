using Archive.Core.Audit;
using Archive.Core.Storage.Postgres;
using Archive.Tests.Support;
using Npgsql;

namespace Archive.Tests.Core.Storage;

/// <summary>What only the PostgreSQL catalog has to show: a schema it made itself, and a database that guards the audit log.</summary>
public sealed class PostgresCatalogTests
{
    [Test]
    public async Task The_database_refuses_to_change_remove_or_empty_the_audit_log_whoever_asks()
    {
        using var archive = new TestArchive(CatalogEngine.Postgres);
        await archive.FileDocumentsAsync(1);
        var before = archive.Store.Catalog.AuditEntries();
        Assert.That(before, Is.Not.Empty);

        await using var connection = new NpgsqlConnection(archive.Catalog.PostgresConnectionString);
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     "UPDATE audit SET actor = 'someone else' WHERE sequence = 1", "DELETE FROM audit WHERE sequence = 1",
                     "TRUNCATE audit",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var refused = Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(), sql);
            Assert.That(refused!.MessageText, Does.Contain("append-only"), sql);
        }

        Assert.That(archive.Store.Catalog.AuditEntries(), Is.EqualTo(before));
        Assert.That(archive.Store.Catalog.VerifyAudit().IsIntact);
    }

    [Test]
    public async Task An_entry_edited_by_someone_who_turned_the_guard_off_is_named_by_the_chain()
    {
        // The database's owner can disable the trigger; the hash chain still tells.
        using var archive = new TestArchive(CatalogEngine.Postgres);
        await archive.FileDocumentsAsync(1);
        await using var connection = new NpgsqlConnection(archive.Catalog.PostgresConnectionString);
        await connection.OpenAsync();
        await using var tamper = new NpgsqlCommand(
            "ALTER TABLE audit DISABLE TRIGGER audit_append_only; UPDATE audit SET actor = 'someone else' WHERE sequence = 2; " +
            "ALTER TABLE audit ENABLE TRIGGER audit_append_only;", connection);
        await tamper.ExecuteNonQueryAsync();

        var verification = archive.Store.Catalog.VerifyAudit();

        Assert.That(verification.FirstBroken, Is.EqualTo(2));
        Assert.That(verification.Break, Is.EqualTo(AuditBreak.Edited));
    }

    [Test]
    public async Task A_node_waiting_for_changes_is_told_of_an_append_by_another_node()
    {
        using var archive = new TestArchive(CatalogEngine.Postgres);
        using var other = PostgresCatalogStore.Open(archive.Catalog.PostgresConnectionString!, TimeProvider.System,
            Serilog.Core.Logger.None);
        await other.WaitForAuditAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None); // now listening

        var waiting = other.WaitForAuditAsync(TimeSpan.FromMinutes(10), CancellationToken.None);
        Assert.That(waiting.IsCompleted, Is.False, "nothing appended yet");
        archive.Store.Catalog.Write(TestArchive.Tester, s =>
        {
            s.Record(new AuditChange("test.write", "Test", "1", null, null));
            return 0;
        });

        // Bounded so that a wait that only times out fails here, after a minute, instead of after ten.
        Assert.That(await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMinutes(1))), Is.SameAs(waiting), "told of the append");
    }

    [Test]
    public async Task The_schema_is_made_by_numbered_migrations_each_applied_once_by_concurrent_nodes()
    {
        var database = PostgresCluster.Instance.NewDatabase();

        // Three nodes starting at once on an empty database.
        var nodes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
            Task.Run(() => PostgresCatalogStore.Open(database, TimeProvider.System, Serilog.Core.Logger.None))));
        try
        {
            await using var connection = new NpgsqlConnection(database);
            await connection.OpenAsync();
            await using var versions = new NpgsqlCommand("SELECT version FROM schema_migrations ORDER BY version", connection);
            var applied = new List<int>();
            await using (var reader = await versions.ExecuteReaderAsync())
                while (await reader.ReadAsync()) applied.Add(reader.GetInt32(0));
            Assert.That(applied, Is.EqualTo(new[] { 1, 2, 3 }));
            nodes[0].Write(TestArchive.Tester, s =>
            {
                s.Record(new AuditChange("test.write", "Test", "1", null, null));
                return 0;
            });
            Assert.That(nodes[2].AuditEntries().Single().Action, Is.EqualTo("test.write"), "every node reads the same catalog");
            Assert.That(nodes[1].Generation, Is.EqualTo(1));
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }
    }
}
