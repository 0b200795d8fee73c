using System.Text.Json;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class DemoCommandTests(CatalogEngine engine)
{
    [Test]
    public async Task The_first_run_seeds_the_catalog_and_ingests_the_samples_so_they_can_be_searched_and_a_second_run_changes_nothing()
    {
        using var data = new TempFolder("archive-demo");
        engine.Attach(data.Path);
        var samples = Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "samples");

        var first = await Cli.RunAsync("demo", "--samples", samples, "--data", data.Path);
        var second = await Cli.RunAsync("demo", "--samples", samples, "--data", data.Path);

        Assert.That(first.ExitCode, Is.Zero, first.ToString());
        Assert.That(first.Stdout, Does.Contain("quyet-dinh-quy-che.pdf: accepted"));
        Assert.That(second.Stdout, Does.Contain("đã có dữ liệu"));
        var search = JsonDocument.Parse((await Cli.RunAsync("search", "quy chế văn bản điện tử", "--json", "--data", data.Path)).Stdout).RootElement;
        Assert.That(search.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(search.GetProperty("hits")[0].GetProperty("soKyHieu").GetString(), Is.EqualTo("05/QĐ-UBND"));
    }
}
