using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// `archive verify --document ID`: the stored original verified as received, by those who may read it, and logged as a read.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class StoredVerificationTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private static string[] Trust => ["--trust", SignatureFixtures.Anchors, "--crl", SignatureFixtures.Crls];

    [Test]
    public async Task A_stored_document_verifies_as_its_file_does_for_a_reader_and_is_refused_to_others()
    {
        var file = SignatureFixtures.SignedFile("issued.pdf");
        var added = await Cli.RunAsync([.. DemoDossier.AddDocument(file, Data.Path), "--json"]);
        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        var id = JsonDocument.Parse(added.Stdout).RootElement.GetProperty("id").GetString()!;
        var created = await Cli.RunWithInputAsync("Luu-tru-2019-HT\n", "user", "create", "cvien", "--full-name", "Chuyên viên", "--agency",
            DemoDossier.Agency, "--role", "chuyen-vien", "--password-stdin", "--data", Data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());

        var refused = await Cli.RunAsync(["verify", "--document", id, .. Trust, "--as", "cvien", "--data", Data.Path]);
        Assert.That(refused.ExitCode, Is.EqualTo(77), refused.ToString());

        Assert.That((await Cli.RunAsync("grant", DemoDossier.Code, "--user", "cvien", "--level", "read", "--data", Data.Path)).ExitCode,
            Is.Zero);
        var stored = await Cli.RunAsync(["verify", "--document", id, "--json", .. Trust, "--as", "cvien", "--data", Data.Path]);
        var direct = await Cli.RunAsync(["verify", file, "--json", .. Trust]);
        Assert.That(stored.ExitCode, Is.EqualTo(direct.ExitCode), stored.ToString());
        var storedReport = JsonDocument.Parse(stored.Stdout).RootElement;
        var directReport = JsonDocument.Parse(direct.Stdout).RootElement;
        Assert.That(storedReport.GetProperty("file").GetString(), Is.EqualTo(id));
        Assert.That(storedReport.GetProperty("sha256").GetString(), Is.EqualTo(directReport.GetProperty("sha256").GetString()));
        Assert.That(storedReport.GetProperty("indication").GetString(), Is.EqualTo(directReport.GetProperty("indication").GetString()));

        var audit = await Cli.RunAsync("audit", "list", "--limit", "1000", "--data", Data.Path);
        Assert.That(audit.Stdout, Does.Contain("cvien@").And.Contain("document.read"));
    }
}
