using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>Bad input gets exit 64, a message naming the problem, and leaves the catalog as it was.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class CliInputTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [Test]
    public async Task Malformed_json_metadata_is_refused_and_nothing_is_written()
    {
        var before = await Snapshot();
        var bad = Data.File("hong.json");
        await File.WriteAllTextAsync(bad, "{\"Title\": \"Hồ sơ\", \"Maintenance\": ");

        var result = await Cli.RunAsync("dossier", "create", "--metadata", bad, "--data", Data.Path);

        Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
        Assert.That(result.Stderr, Does.Contain("không phải JSON hợp lệ").And.Contain("hong.json"));
        Assert.That(await Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Metadata_with_a_field_that_is_not_tt02_is_refused()
    {
        var file = Data.File("la.json");
        await File.WriteAllTextAsync(file, "{\"OrganId\":\"000.00.00.H42\",\"FileCatalog\":2020,\"FileNotation\":\"02\",\"Title\":\"x\",\"Maintenance\":\"10\",\"Tittle\":\"lỗi chính tả\"}");

        var result = await Cli.RunAsync("dossier", "create", "--metadata", file, "--data", Data.Path);

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(result.Stderr, Does.Contain("Tittle"));
    }

    [Test]
    public async Task A_dossier_code_that_already_exists_is_refused_and_nothing_is_written()
    {
        var before = await Snapshot();

        var result = await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", "OrganId=000.00.00.H42",
            "--set", "FileCatalog=2019", "--set", "FileNotation=01.TH", "--set", "Title=Trùng mã", "--set", "Maintenance=20 năm");

        Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
        Assert.That(result.Stderr, Does.Contain(DemoDossier.Code).And.Contain("đã tồn tại"));
        Assert.That(await Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task An_unknown_retention_value_is_refused_naming_the_field()
    {
        var before = await Snapshot();

        var result = await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", "OrganId=000.00.00.H42",
            "--set", "FileCatalog=2019", "--set", "FileNotation=09", "--set", "Title=Hồ sơ", "--set", "Maintenance=13 năm");

        Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
        Assert.That(result.Stderr, Does.Contain("Thời hạn bảo quản").And.Contain("13"));
        Assert.That(await Snapshot(), Is.EqualTo(before));
    }

    [Test]
    public async Task Every_wrong_field_is_named_at_once()
    {
        var result = await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", "OrganId=000.00.00.H42",
            "--set", "FileCatalog=2019", "--set", "FileNotation=03", "--set", "Maintenance=mãi mãi", "--set", "Rights=bí mật");

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(result.Stderr, Does.Contain("Tiêu đề hồ sơ").And.Contain("Thời hạn bảo quản").And.Contain("Chế độ sử dụng"));
    }

    [Test]
    public async Task A_dossier_of_an_agency_not_in_the_catalog_is_refused()
    {
        var result = await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", "OrganId=000.00.04.G14",
            "--set", "FileCatalog=2019", "--set", "FileNotation=01", "--set", "Title=Hồ sơ", "--set", "Maintenance=10");

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(result.Stderr, Does.Contain("000.00.04.G14"));
    }

    [Test]
    public async Task A_data_folder_that_was_never_initialised_is_not_created_by_a_query()
    {
        using var empty = new TempFolder("archive-empty");
        var data = Path.Combine(empty.Path, "khong-co");
        Engine.Attach(data);

        var result = await Cli.RunAsync("dossier", "list", "--data", data);

        Assert.That(result.ExitCode, Is.EqualTo(64));
        Assert.That(result.Stderr, Does.Contain("chưa được khởi tạo"));
        Assert.That(Directory.Exists(data), Is.False);
    }

    [TestCase("dossier", "frobnicate")]
    [TestCase("dossier", "close")]
    [TestCase("agency", "create", "000.00.00.H42")]
    public async Task Usage_errors_exit_64(params string[] args)
    {
        var result = await Cli.RunAsync([.. args, "--data", Data.Path]);
        Assert.That(result.ExitCode, Is.EqualTo(64), result.ToString());
        Assert.That(result.Stderr, Does.Contain("archive --help"));
    }

    [Test]
    public async Task Listings_print_one_json_object_per_line()
    {
        await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", "OrganId=000.00.00.H42",
            "--set", "FileCatalog=2020", "--set", "FileNotation=02.VP", "--set", "Title=Tập lưu văn bản đi", "--set", "Maintenance=20");

        var list = await Cli.RunAsync("dossier", "list", "--json", "--data", Data.Path);

        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        var codes = lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("fileCode").GetString());
        Assert.That(codes, Is.EquivalentTo(new[] { DemoDossier.Code, "000.00.00.H42.2020.02.VP" }));
    }

    /// <summary>What a refused command must not change: the audit log and the dossiers.</summary>
    private async Task<string> Snapshot()
    {
        var audit = await Cli.RunAsync("audit", "list", "--json", "--data", Data.Path);
        var dossiers = await Cli.RunAsync("dossier", "list", "--json", "--data", Data.Path);
        return audit.Stdout + dossiers.Stdout;
    }
}
