using System.Security.Cryptography;
using System.Text.Json;
using System.Xml.Linq;
using Archive.Core.Storage;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;
using MiniExcelLibs;

namespace Archive.Tests.Ingest.Transfers;

/// <summary>
/// `archive transfer export` and `verify` end to end: the package is checked by coreutils (sha256sum, sha512sum, find), not only by
/// the archive's own verifier; an export killed half-way resumes without copying again; a spoiled package is refused.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class TransferExportTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private readonly List<string> _originals = [];

    [SetUp]
    public async Task IngestThreeDocuments()
    {
        _originals.Clear();
        for (var i = 1; i <= 3; i++)
        {
            var file = SamplePdf.Write(Data.File($"qd-{i}.pdf"), $"Quyet dinh nop luu {i} {Guid.NewGuid():N}");
            var metadata = Data.File($"qd-{i}.json");
            await File.WriteAllTextAsync(metadata, $$"""
                {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"{{i + 10}}","CodeNotation":"QĐ-UBND",
                 "IssuedDate":"2019-04-12","Subject":"Quyết định số {{i + 10}} về nộp lưu","PageAmount":1}
                """);
            var ingest = await Cli.RunAsync("ingest", file, "--dossier", DemoDossier.Code, "--metadata", metadata, "--data", Data.Path);
            Assert.That(ingest.ExitCode, Is.Zero, ingest.ToString());
            _originals.Add(file);
        }
    }

    [Test]
    public async Task The_package_of_a_closed_dossier_passes_coreutils_and_the_archive_verifier()
    {
        var bag = Data.File("goi-nop-luu");
        var open = await Cli.RunAsync("transfer", "export", DemoDossier.Code, "--to", bag, "--data", Data.Path);
        Assert.That(open.ExitCode, Is.EqualTo(64), open.ToString());
        Assert.That(open.Stderr, Does.Contain("đang mở; phải đóng hồ sơ trước khi nộp lưu"));
        Assert.That(Directory.Exists(bag) || Directory.Exists(bag + ".partial"), Is.False);

        await Close();
        var export = await Cli.RunAsync("transfer", "export", DemoDossier.Code, "--to", bag, "--data", Data.Path, "--json");
        Assert.That(export.ExitCode, Is.Zero, export.ToString());
        var package = JsonDocument.Parse(export.Stdout).RootElement;
        Assert.That(package.GetProperty("documents").GetInt32(), Is.EqualTo(3));

        // Independent checks: coreutils' hashes of every file, and find's list of the payload against the manifests.
        Assert.That(await File.ReadAllTextAsync(Path.Combine(bag, "bagit.txt")),
            Is.EqualTo("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n"));
        foreach (var manifest in new[] { "manifest-sha256.txt", "manifest-sha512.txt", "tagmanifest-sha256.txt", "tagmanifest-sha512.txt" })
        {
            var sum = manifest.Contains("256") ? "sha256sum" : "sha512sum";
            var check = Tool.Run("sh", ["-c", $"cd \"$1\" && {sum} --strict -c {manifest}", "sh", bag], check: false);
            Assert.That(check.ExitCode, Is.Zero, check.Output);
        }
        var listed = File.ReadAllLines(Path.Combine(bag, "manifest-sha256.txt")).Select(l => l[66..]).Order(StringComparer.Ordinal)
            .ToList();
        var found = Tool.Run("sh", ["-c", "cd \"$1\" && find data -type f | LC_ALL=C sort", "sh", bag]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.That(found, Is.EqualTo(listed));
        Assert.That(found, Has.Count.EqualTo(1 + 3 * 6 + 3),
            "per dossier its XML, per document 6 files (text included), the inventory (XLSX, PDF) and the handover record");
        Assert.That(export.Stderr, Does.Contain("biên bản giao nhận chưa được ký số"), "no agency key is configured here");
        var inventoryText = Tool.Run("pdftotext", [Path.Combine(bag, "data", "muc-luc-ho-so.pdf"), "-"]).Output;
        Assert.That(inventoryText, Does.Contain("MỤC LỤC HỒ SƠ NỘP LƯU").And.Contain(DemoDossier.Code));
        var sizes = Tool.Run("sh", ["-c", "cd \"$1\" && find data -type f -printf '%s\\n'", "sh", bag]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(long.Parse);
        Assert.That(File.ReadAllLines(Path.Combine(bag, "bag-info.txt")), Does.Contain($"Payload-Oxum: {sizes}.{found.Count}")
            .And.Contain($"Internal-Sender-Identifier: {DemoDossier.Code}")
            .And.Contain("Source-Organization: Ủy ban nhân dân tỉnh Hà Tĩnh"));

        // The payload: each original bit for bit, TT 02 XML, PREMIS history, the signature report, the inventory.
        var folder = Path.Combine(bag, "data", DemoDossier.Code);
        for (var i = 1; i <= 3; i++)
        {
            var document = Path.Combine(folder, $"{DemoDossier.Code}.{i}");
            Assert.That(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(document, "ban-goc.pdf"))),
                Is.EqualTo(SHA256.HashData(await File.ReadAllBytesAsync(_originals[i - 1]))));
            Assert.That(Tool.Run("qpdf", ["--check", Path.Combine(document, "ban-pdfa.pdf")], check: false).ExitCode, Is.Zero);
            var tt02 = XDocument.Load(Path.Combine(document, "tt02.xml")).Root!;
            Assert.That(tt02.Elements().First(e => e.Name.LocalName == "CodeNumber").Value, Is.EqualTo($"{i + 10}"));
            var premis = XDocument.Load(Path.Combine(document, "premis.xml")).Root!;
            XNamespace p = "http://www.loc.gov/premis/v3";
            Assert.That(premis.Name, Is.EqualTo(p + "premis"));
            Assert.That(premis.Elements(p + "event").Select(e => e.Element(p + "eventType")!.Value),
                Does.Contain("ingestion").And.Contain("migration"));
            Assert.That(premis.Elements(p + "object").Select(o => o.Descendants(p + "messageDigest").Single().Value),
                Does.Contain(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_originals[i - 1])))));
            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(document, "chu-ky.json")));
            Assert.That(report.RootElement.GetProperty("indication").GetString(), Is.EqualTo("NO_SIGNATURE"));
        }
        Assert.That(XDocument.Load(Path.Combine(folder, "ho-so.xml")).Root!.Elements().First(e => e.Name.LocalName == "DocTotal").Value,
            Is.EqualTo("3"));
        var inventory = MiniExcel.Query(Path.Combine(bag, "data", "muc-luc-ho-so.xlsx"), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().ToList();
        Assert.That(inventory, Has.Count.EqualTo(1));
        Assert.That(inventory[0]["Mã hồ sơ"], Is.EqualTo(DemoDossier.Code));

        var verify = await Cli.RunAsync("transfer", "verify", bag);
        Assert.That(verify.ExitCode, Is.Zero, verify.ToString());
        Assert.That(verify.Stdout, Does.Contain($"{found.Count} tệp"));

        var again = await Cli.RunAsync("transfer", "export", DemoDossier.Code, "--to", bag, "--data", Data.Path);
        Assert.That(again.ExitCode, Is.EqualTo(64), "an existing package is never overwritten");
        var audit = await Cli.RunAsync("audit", "list", "--data", Data.Path);
        Assert.That(audit.Stdout, Does.Contain("transfer.export"));
    }

    [Test]
    public async Task A_spoiled_package_is_refused_by_transfer_verify()
    {
        await Close();
        var bag = Data.File("goi");
        Assert.That((await Cli.RunAsync("transfer", "export", DemoDossier.Code, "--to", bag, "--data", Data.Path)).ExitCode, Is.Zero);
        var original = Path.Combine(bag, "data", DemoDossier.Code, $"{DemoDossier.Code}.2", "ban-goc.pdf");
        var bytes = await File.ReadAllBytesAsync(original);
        bytes[^10] ^= 1;
        await File.WriteAllBytesAsync(original, bytes);
        var verify = await Cli.RunAsync("transfer", "verify", bag);
        Assert.That(verify.ExitCode, Is.EqualTo(1), verify.ToString());
        Assert.That(verify.Stderr, Does.Contain($"Sai mã kiểm tra sha256 của 'data/{DemoDossier.Code}/{DemoDossier.Code}.2/ban-goc.pdf'"));
    }

    [Test]
    public async Task An_export_killed_half_way_leaves_no_bag_and_the_next_run_finishes_it_without_copying_again()
    {
        await Close();
        var bag = Data.File("goi");
        string[] export = ["transfer", "export", DemoDossier.Code, "--to", bag, "--data", Data.Path];
        var killed = await Cli.RunChildAsync(export, new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.TransferMidWrite });
        Assert.That(killed.ExitCode, Is.Not.EqualTo(0).And.Not.EqualTo(1).And.Not.EqualTo(64), killed.ToString());
        Assert.That(Directory.Exists(bag), Is.False, "nothing that looks like a finished package");
        Assert.That(Directory.Exists(bag + ".partial"), Is.True);
        Assert.That((await Cli.RunAsync("transfer", "verify", bag)).ExitCode, Is.EqualTo(1));

        var resumed = await Cli.RunAsync(export);
        Assert.That(resumed.ExitCode, Is.Zero, resumed.ToString());
        Assert.That(resumed.Stderr, Does.Match(@"giữ [1-9][0-9]* tệp đã ghi, không chép lại"));
        Assert.That(Directory.Exists(bag + ".partial"), Is.False);
        Assert.That(File.Exists(Path.Combine(bag, "bag-writer.journal")), Is.False);
        Assert.That((await Cli.RunAsync("transfer", "verify", bag)).ExitCode, Is.Zero);
        var check = Tool.Run("sh", ["-c", "cd \"$1\" && sha512sum --strict -c manifest-sha512.txt", "sh", bag], check: false);
        Assert.That(check.ExitCode, Is.Zero, check.Output);
    }

    [Test]
    public async Task Only_an_archivist_may_make_a_package()
    {
        await Close();
        await CopyCommandTests.CreateUserAsync(Data, "vthu", "van-thu");
        await CopyCommandTests.CreateUserAsync(Data, "ltv", "luu-tru-vien");
        var bag = Data.File("goi");
        var officer = await Cli.RunAsync("transfer", "export", DemoDossier.Code, "--to", bag, "--as", "vthu", "--data", Data.Path);
        Assert.That(officer.ExitCode, Is.EqualTo(77), officer.ToString());
        Assert.That(Directory.Exists(bag + ".partial"), Is.False);
        var archivist = await Cli.RunAsync("transfer", "export", DemoDossier.Code, "--to", bag, "--as", "ltv", "--data", Data.Path);
        Assert.That(archivist.ExitCode, Is.Zero, archivist.ToString());
    }

    private async Task Close()
    {
        var close = await Cli.RunAsync("dossier", "close", DemoDossier.Code, "--data", Data.Path);
        Assert.That(close.ExitCode, Is.Zero, close.ToString());
    }
}
