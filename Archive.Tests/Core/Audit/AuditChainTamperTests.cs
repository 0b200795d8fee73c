using System.Text.Json;
using Archive.Core.Audit;
using Archive.Tests.Support;
using LiteDB;

namespace Archive.Tests.Core.Audit;

/// <summary>Edits catalog.db behind the archive's back, with LiteDB directly, and expects `audit verify` to name the entry.</summary>
public sealed class AuditChainTamperTests : DemoDossierTest
{
    private string CatalogFile => Path.Combine(Data.Path, "catalog.db");

    /// <summary>Entries 1..3 (init, agency, dossier) come from the base; 4 and 5 from here.</summary>
    [SetUp]
    public async Task CloseAndReopen()
    {
        var reopen = await Cli.RunAsync("dossier", "close", DemoDossier.Code, "--data", Data.Path);
        Assert.That(reopen.ExitCode, Is.Zero, reopen.ToString()); // entry 5 (init wrote 2: the folder, the first administrator)
        var again = await Cli.RunAsync("dossier", "reopen", DemoDossier.Code, "--reason", "Bổ sung văn bản", "--data", Data.Path);
        Assert.That(again.ExitCode, Is.Zero, again.ToString()); // entry 6
    }

    [Test]
    public async Task An_untouched_log_verifies()
    {
        var verify = await Cli.RunAsync("audit", "verify", "--json", "--data", Data.Path);
        Assert.That(verify.ExitCode, Is.Zero, verify.ToString());
        Assert.That(Read(verify).GetProperty("entriesChecked").GetInt64(), Is.EqualTo(6));
    }

    [Test]
    public async Task An_edited_entry_is_named()
    {
        Tamper(audit =>
        {
            var entry = audit.FindById(3);
            entry["Actor"] = "someone-else";
            audit.Update(entry);
        });

        var verify = await Cli.RunAsync("audit", "verify", "--data", Data.Path);

        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.ToString());
        Assert.That(verify.Stdout, Does.Contain("mục số 3"));
        var json = Read(await Cli.RunAsync("audit", "verify", "--json", "--data", Data.Path));
        Assert.That(json.GetProperty("firstBroken").GetInt64(), Is.EqualTo(3));
        Assert.That(json.GetProperty("break").GetString(), Is.EqualTo("edited"));
    }

    [Test]
    public async Task An_entry_rewritten_with_a_recomputed_hash_is_named()
    {
        Tamper(audit =>
        {
            var entry = audit.FindById(2);
            entry["After"] = "{\"Code\":\"000.00.00.H42\",\"Name\":\"Cơ quan khác\"}";
            var forged = new AuditEntry
            {
                Sequence = 2, At = entry["At"].AsString, Actor = entry["Actor"].AsString, Origin = entry["Origin"].AsString,
                Action = entry["Action"].AsString, ObjectType = entry["ObjectType"].AsString, ObjectId = entry["ObjectId"].AsString,
                Before = entry["Before"].IsNull ? null : entry["Before"].AsString, After = entry["After"].AsString,
                PreviousHash = entry["PreviousHash"].AsString,
            };
            entry["Hash"] = AuditChain.HashOf(forged);
            audit.Update(entry);
        });

        var json = Read(await Cli.RunAsync("audit", "verify", "--json", "--data", Data.Path));

        Assert.That(json.GetProperty("firstBroken").GetInt64(), Is.EqualTo(2));
        Assert.That(json.GetProperty("break").GetString(), Is.EqualTo("rehashed"));
    }

    [Test]
    public async Task A_deleted_entry_is_named()
    {
        Tamper(audit => audit.Delete(4));

        var verify = await Cli.RunAsync("audit", "verify", "--json", "--data", Data.Path);

        Assert.That(verify.ExitCode, Is.EqualTo(1));
        Assert.That(Read(verify).GetProperty("firstBroken").GetInt64(), Is.EqualTo(4));
        Assert.That(Read(verify).GetProperty("break").GetString(), Is.EqualTo("missing"));
    }

    [Test]
    public async Task Entries_cut_from_the_end_are_detected()
    {
        Tamper(audit => audit.Delete(6));

        var verify = await Cli.RunAsync("audit", "verify", "--json", "--data", Data.Path);

        Assert.That(verify.ExitCode, Is.EqualTo(1));
        Assert.That(Read(verify).GetProperty("break").GetString(), Is.EqualTo("truncated"));
        Assert.That(Read(verify).GetProperty("firstBroken").GetInt64(), Is.EqualTo(6));
    }

    [Test]
    public async Task Audit_list_shows_who_did_what()
    {
        var list = await Cli.RunAsync("audit", "list", "--json", "--data", Data.Path);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(6));
        var reopen = JsonDocument.Parse(lines[5]).RootElement;
        Assert.That(reopen.GetProperty("action").GetString(), Is.EqualTo("dossier.reopen"));
        Assert.That(reopen.GetProperty("actor").GetString(), Is.EqualTo(Environment.UserName));
        Assert.That(reopen.GetProperty("after").GetString(), Does.Contain("Bổ sung văn bản"));
    }

    private void Tamper(Action<ILiteCollection<BsonDocument>> edit)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = CatalogFile, Connection = ConnectionType.Direct });
        edit(db.GetCollection("audit"));
    }

    private static JsonElement Read(Support.CliResult result) => JsonDocument.Parse(result.Stdout).RootElement;
}
