using System.Text.Json;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Transfers;

/// <summary>
/// `archive transfer import` at a receiving archive: bad packages are refused with their reasons and nothing is filed; a crash
/// half-way is finished by the next run; a package imported twice is filed once.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class TransferImportTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Second = "000.00.00.H42.2019.02.TH";
    private TempFolder _receiver = null!;
    private string _bag = null!;

    [SetUp]
    public async Task ExportTwoDossiers()
    {
        var dossier = await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", $"OrganId={DemoDossier.Agency}",
            "--set", "FileCatalog=2019", "--set", "FileNotation=02.TH", "--set", "Title=Hồ sơ thứ hai", "--set", "Maintenance=Vĩnh viễn");
        Assert.That(dossier.ExitCode, Is.Zero, dossier.ToString());
        foreach (var (code, number) in new[] { (DemoDossier.Code, 21), (DemoDossier.Code, 22), (Second, 23) })
        {
            var file = SamplePdf.Write(Data.File($"qd-{number}.pdf"), $"Quyet dinh so {number} {Guid.NewGuid():N}");
            var add = DemoDossier.AddDocument(file, Data.Path, codeNumber: $"{number}");
            add[4] = code; // "--dossier" CODE
            var added = await Cli.RunAsync(add);
            Assert.That(added.ExitCode, Is.Zero, added.ToString());
        }
        foreach (var code in new[] { DemoDossier.Code, Second })
            Assert.That((await Cli.RunAsync("dossier", "close", code, "--data", Data.Path)).ExitCode, Is.Zero);
        _bag = Data.File("goi");
        var export = await Cli.RunAsync("transfer", "export", DemoDossier.Code, Second, "--to", _bag, "--data", Data.Path);
        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        _receiver = new TempFolder("archive-receiver");
        Engine.Attach(_receiver.Path);
        Assert.That((await Cli.RunAsync("init", "--data", _receiver.Path)).ExitCode, Is.Zero);
    }

    [TearDown]
    public void DeleteReceiver() => _receiver.Dispose();

    private Task<CliResult> Import() => Cli.RunAsync("transfer", "import", _bag, "--data", _receiver.Path);

    private async Task<int> DossiersAtReceiver()
    {
        var list = await Cli.RunAsync("dossier", "list", "--json", "--data", _receiver.Path);
        return list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
    }

    private string DocumentFolder(string dossier, int ordinal) => Path.Combine(_bag, "data", dossier, $"{dossier}.{ordinal}");

    private static IEnumerable<TestCaseData> BadPackages()
    {
        TestCaseData Case(string name, Action<string, Func<string, int, string>> spoil, string reason) =>
            new TestCaseData(spoil, reason).SetName($"Import refuses {name}");

        yield return Case("a missing file", (_, doc) => File.Delete(Path.Combine(doc(DemoDossier.Code, 1), "tt02.xml")), "Thiếu tệp");
        yield return Case("a changed byte", (_, doc) =>
        {
            var file = Directory.GetFiles(doc(DemoDossier.Code, 2), "ban-goc*").Single();
            var bytes = File.ReadAllBytes(file);
            bytes[20] ^= 1;
            File.WriteAllBytes(file, bytes);
        }, "Sai mã kiểm tra sha256");
        yield return Case("an extra file", (bag, _) => File.WriteAllText(Path.Combine(bag, "data", "them.txt"), "?"),
            "Tệp thừa 'data/them.txt'");
        yield return Case("a path that escapes the bag",
            (bag, _) => File.AppendAllText(Path.Combine(bag, "manifest-sha256.txt"), $"{new string('0', 64)}  data/../../etc/passwd\n"),
            "ra ngoài gói");
        yield return Case("a manifest with an unknown algorithm",
            (bag, _) => File.Copy(Path.Combine(bag, "manifest-sha256.txt"), Path.Combine(bag, "manifest-blake3.txt")),
            "thuật toán 'blake3' không được hỗ trợ");
        yield return Case("wrong TT 02 metadata", (bag, doc) =>
        {
            var xml = Path.Combine(doc(DemoDossier.Code, 1), "tt02.xml");
            File.WriteAllText(xml,
                File.ReadAllText(xml).Replace("<IssuedDate>12/04/2019</IssuedDate>", "<IssuedDate>31/02/2019</IssuedDate>"));
            Rebag.Seal(bag);
        }, "31/02/2019");
        yield return Case("XML with an entity", (bag, doc) =>
        {
            var xml = Path.Combine(doc(Second, 1), "tt02.xml");
            var text = File.ReadAllText(xml);
            File.WriteAllText(xml, text.Replace("<Document ", "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<Document "));
            Rebag.Seal(bag);
        }, "XML không hợp lệ");
        yield return Case("a PREMIS history that does not match the original", (bag, doc) =>
        {
            var premis = Path.Combine(doc(DemoDossier.Code, 2), "premis.xml");
            var text = File.ReadAllText(premis);
            var at = text.IndexOf("<premis:messageDigest>", StringComparison.Ordinal) + "<premis:messageDigest>".Length;
            File.WriteAllText(premis, text[..at] + (text[at] == 'a' ? 'b' : 'a') + text[(at + 1)..]);
            Rebag.Seal(bag);
        }, "lịch sử PREMIS không khớp");
        yield return Case("a dossier code that differs from its folder", (bag, _) =>
        {
            var xml = Path.Combine(bag, "data", Second, "ho-so.xml");
            File.WriteAllText(xml,
                File.ReadAllText(xml).Replace("<FileNotation>02.TH</FileNotation>", "<FileNotation>03.TH</FileNotation>"));
            Rebag.Seal(bag);
        }, "không khớp với mã phông, năm và số ký hiệu hồ sơ");
    }

    [TestCaseSource(nameof(BadPackages))]
    public async Task A_bad_package_is_refused_with_its_reason_and_nothing_is_filed(Action<string, Func<string, int, string>> spoil,
        string reason)
    {
        spoil(_bag, DocumentFolder);
        var import = await Import();
        Assert.That(import.ExitCode, Is.EqualTo(1), import.ToString());
        Assert.That(import.Stderr, Does.Contain(reason));
        Assert.That(await DossiersAtReceiver(), Is.Zero, "nothing filed");
    }

    [Test]
    public async Task An_import_killed_between_dossiers_is_finished_by_the_next_run_and_a_second_import_files_nothing_twice()
    {
        string[] import = ["transfer", "import", _bag, "--data", _receiver.Path];
        var killed = await Cli.RunChildAsync(import,
            new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.TransferMidImport });
        Assert.That(killed.ExitCode, Is.Not.EqualTo(0).And.Not.EqualTo(1).And.Not.EqualTo(64), killed.ToString());
        Assert.That(await DossiersAtReceiver(), Is.EqualTo(1), "the first dossier was filed whole before the crash");

        var resumed = await Cli.RunAsync(["transfer", "import", _bag, "--json", "--data", _receiver.Path]);
        Assert.That(resumed.ExitCode, Is.Zero, resumed.ToString());
        var result = JsonDocument.Parse(resumed.Stdout).RootElement;
        Assert.That(result.GetProperty("filed").GetArrayLength(), Is.EqualTo(1));
        Assert.That(result.GetProperty("alreadyFiled").GetArrayLength(), Is.EqualTo(1));
        Assert.That(await DossiersAtReceiver(), Is.EqualTo(2));

        var again = await Cli.RunAsync(["transfer", "import", _bag, "--json", "--data", _receiver.Path]);
        Assert.That(JsonDocument.Parse(again.Stdout).RootElement.GetProperty("filed").GetArrayLength(), Is.Zero);
        var search = await Cli.RunAsync("search", "Ban hành quy chế", "--json", "--data", _receiver.Path);
        Assert.That(JsonDocument.Parse(search.Stdout).RootElement.GetProperty("total").GetInt32(), Is.EqualTo(3), "each document once");
        var shown = await Cli.RunAsync("dossier", "show", Second, "--json", "--data", _receiver.Path);
        Assert.That(shown.Stdout, Does.Contain("NL.000.00.00.H42."), "the dossier keeps where it came from");
    }

    [Test]
    public async Task Only_an_archivist_may_import()
    {
        Assert.That((await Cli.RunAsync("agency", "create", DemoDossier.Agency, "--name", "Ủy ban nhân dân tỉnh Hà Tĩnh", "--data",
            _receiver.Path)).ExitCode, Is.Zero);
        await Archive.Tests.Ingest.Signatures.CopyCommandTests.CreateUserAsync(_receiver, "vthu", "van-thu");
        var refused = await Cli.RunAsync("transfer", "import", _bag, "--as", "vthu", "--data", _receiver.Path);
        Assert.That(refused.ExitCode, Is.EqualTo(77), refused.ToString());
        Assert.That(await DossiersAtReceiver(), Is.Zero);
    }
}
