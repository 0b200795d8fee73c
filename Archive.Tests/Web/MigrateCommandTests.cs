using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>`archive migrate --to postgres` (issue 17): an embedded archive copied into PostgreSQL, then run from there.</summary>
public sealed class MigrateCommandTests
{
    [Test]
    public async Task An_embedded_archive_moves_to_postgres_and_passes_check_audit_verify_and_fixity_there()
    {
        using var data = new TempFolder("archive-migrate");
        var samples = Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "samples");
        Assert.That((await Cli.RunAsync("demo", "--samples", samples, "--data", data.Path)).ExitCode, Is.Zero);
        var created = await Cli.RunWithInputAsync("Mat-khau-2026-HT\n", "user", "create", "chuyenvien", "--full-name", "Chuyên viên",
            "--agency", "000.00.00.H42", "--role", "chuyen-vien", "--password-stdin", "--data", data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        var dossiers = await Cli.RunAsync("dossier", "list", "--json", "--data", data.Path);
        var users = await Cli.RunAsync("user", "list", "--json", "--data", data.Path);
        var database = PostgresCluster.Instance.NewDatabase();

        var migrated = await Cli.RunAsync("migrate", "--to", "postgres", "--connection", database, "--json", "--data", data.Path);

        Assert.That(migrated.ExitCode, Is.Zero, migrated.ToString());
        Assert.That(migrated.Stdout, Does.Contain("\"auditEntries\""));
        var onPostgres = new Dictionary<string, string>
        {
            ["ARCHIVE__Archive__Catalog__Provider"] = "postgres", ["ARCHIVE__Archive__Catalog__ConnectionString"] = database,
        };
        foreach (var command in new[] { new[] { "check" }, ["audit", "verify"], ["fixity"] })
        {
            var run = await Cli.RunChildAsync([.. command, "--data", data.Path], onPostgres);
            Assert.That(run.ExitCode, Is.Zero, $"archive {string.Join(' ', command)} on PostgreSQL: {run}");
        }
        Assert.That((await Cli.RunChildAsync(["dossier", "list", "--json", "--data", data.Path], onPostgres)).Stdout,
            Is.EqualTo(dossiers.Stdout), "the same dossiers, field for field");
        Assert.That((await Cli.RunChildAsync(["user", "list", "--json", "--data", data.Path], onPostgres)).Stdout,
            Is.EqualTo(users.Stdout));
        var search = await Cli.RunChildAsync(["search", "quy che van ban dien tu", "--data", data.Path], onPostgres);
        Assert.That(search.Stdout, Does.Contain("05/QĐ-UBND"), search.ToString());
        var audit = await Cli.RunChildAsync(["audit", "list", "--json", "--data", data.Path], onPostgres);
        Assert.That(audit.Stdout, Does.Contain("catalog.migrate"), "the migration is the first entry PostgreSQL adds to the chain");

        var again = await Cli.RunAsync("migrate", "--to", "postgres", "--connection", database, "--data", data.Path);
        Assert.That(again.ExitCode, Is.EqualTo(64), again.ToString());
        Assert.That(again.Stderr, Does.Contain("đã có danh mục"));
    }

    [Test]
    public async Task An_archive_on_postgres_says_so_when_the_database_cannot_be_reached()
    {
        using var data = new TempFolder("archive-unreachable");
        var run = await Cli.RunChildAsync(["init", "--data", data.Path], new Dictionary<string, string>
        {
            ["ARCHIVE__Archive__Catalog__Provider"] = "postgres",
            ["ARCHIVE__Archive__Catalog__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=3",
        });
        Assert.That(run.ExitCode, Is.EqualTo(75), run.ToString());
        Assert.That(run.Stderr, Does.Contain("Không kết nối được cơ sở dữ liệu PostgreSQL"));
    }
}
