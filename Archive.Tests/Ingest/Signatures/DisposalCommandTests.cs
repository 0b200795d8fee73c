using System.Security.Cryptography;
using System.Text.Json;
using Archive.Core.Storage;
using Archive.Ingest.Conversion;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// `archive disposal` end to end: the council's decision, the head's approval, a hold that blocks, the destruction with its record
/// (checked by pdfsig, qpdf and the PDF/A verifier), the content gone from the blob store, from search, from later backups and
/// from what a restore puts back, fixity with nothing to report; a destruction killed before its content is removed finishes on
/// the next run.
/// </summary>
// On the embedded catalog only: its restricted collection lives on an air-gapped host, which a shared PostgreSQL catalog could
// not be reached from, and backups of a PostgreSQL catalog are PostgreSQL's own (pg_dump).
public sealed class DisposalCommandTests : DemoDossierTest
{
    private const string Expired = "000.00.00.H42.2018.07.HUY";
    private readonly List<string> _originals = [];
    private string _kept = null!;

    [SetUp]
    public async Task FileAnExpiredDossier()
    {
        _originals.Clear();
        await SignatureFixtures.TrustInAsync(Data.Path);
        var created = await Cli.RunAsync("dossier", "create", "--data", Data.Path, "--set", $"OrganId={DemoDossier.Agency}",
            "--set", "FileCatalog=2018", "--set", "FileNotation=07.HUY", "--set", "Title=Hồ sơ giấy mời họp năm 2018",
            "--set", "Maintenance=2 năm");
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        for (var i = 1; i <= 2; i++) _originals.Add(await Ingest(Expired, $"{i}", $"tieuhuy{i}"));
        _kept = await Ingest(DemoDossier.Code, "9", "vinhvien");
        Assert.That((await Cli.RunAsync("dossier", "close", Expired, "--data", Data.Path)).ExitCode, Is.Zero);
        await CopyCommandTests.CreateUserAsync(Data, "ltv", "luu-tru-vien");
        await CopyCommandTests.CreateUserAsync(Data, "giamdoc", "lanh-dao");
    }

    [Test]
    public async Task An_approved_destruction_removes_the_content_everywhere_and_keeps_a_signed_record()
    {
        var list = await As("ltv", "disposal", "list");
        Assert.That(list.Stdout, Does.Contain($"31/12/2020 (đã hết hạn)  {Expired}").And.Contain("chờ Hội đồng xác định giá trị"));
        var early = await As("ltv", "disposal", "destroy", Expired);
        Assert.That(early.ExitCode, Is.EqualTo(64), early.ToString());
        Assert.That(early.Stderr, Does.Contain("chưa được người đứng đầu cơ quan duyệt hủy"));

        Assert.That((await As("ltv", "disposal", "review", Expired, "--decision", "hủy", "--council",
            "Biên bản họp Hội đồng số 05/BB-HĐ ngày 20/11/2026", "--reason", "Giấy mời họp đã hết giá trị")).ExitCode, Is.Zero);
        Assert.That((await As("ltv", "disposal", "approve", Expired)).ExitCode, Is.EqualTo(77), "an archivist does not approve");
        Assert.That((await As("giamdoc", "disposal", "approve", Expired)).ExitCode, Is.Zero);
        var hold = await As("giamdoc", "disposal", "hold", Expired, "--reason", "Đang thanh tra công vụ", "--json");
        var holdId = JsonDocument.Parse(hold.Stdout).RootElement.GetProperty("id").GetString()!;
        var held = await As("ltv", "disposal", "destroy", Expired);
        Assert.That(held.ExitCode, Is.EqualTo(64), held.ToString());
        Assert.That(held.Stderr, Does.Contain("đang bị giữ (Đang thanh tra công vụ"));
        Assert.That((await As("ltv", "disposal", "release", Expired, "--hold", holdId, "--reason", "Đã kết luận thanh tra")).ExitCode,
            Is.Zero);

        using var backups = new TempFolder("archive-media");
        var media = backups.Path;
        Assert.That((await Cli.RunAsync("backup", "--to", media, "--data", Data.Path)).ExitCode, Is.Zero);
        Assert.That((await Cli.RunAsync("search", "tieuhuy1", "--json", "--data", Data.Path)).Stdout, Does.Contain("tieuhuy1"));
        var documents = DocumentIds(Expired);

        // As a separate process with the agency's key configured, as `archive serve` would run it.
        var destroy = await Cli.RunChildAsync(["disposal", "destroy", Expired, "--json", "--as", "ltv", "--data", Data.Path],
            new Dictionary<string, string>
            {
                ["ARCHIVE__Archive__Copies__Key__Pkcs12File"] = Path.Combine(SignatureFixtures.Pki, "organisation.p12"),
                ["ARCHIVE_COPY_KEY_PASSWORD"] = "test",
            });
        Assert.That(destroy.ExitCode, Is.Zero, destroy.ToString());
        var done = JsonDocument.Parse(destroy.Stdout).RootElement;
        Assert.That(done.GetProperty("documents").GetInt32(), Is.EqualTo(2));
        Assert.That(done.GetProperty("warnings").GetArrayLength(), Is.Zero, "the record is signed");

        foreach (var original in _originals) Assert.That(File.Exists(BlobPath(Data.Path, original)), Is.False, original);
        Assert.That(File.Exists(BlobPath(Data.Path, _kept)), Is.True, "another dossier's content stays");
        var fixity = await Cli.RunAsync("fixity", "--data", Data.Path);
        Assert.That(fixity.ExitCode, Is.Zero, fixity.ToString());
        var export = await Cli.RunAsync("export", documents[0], Data.File("x.pdf"), "--original", "--data", Data.Path);
        Assert.That(export.Stderr, Does.Contain("đã bị hủy"), export.ToString());
        Assert.That((await Cli.RunAsync("search", "tieuhuy1", "--json", "--data", Data.Path)).Stdout, Does.Not.Contain(documents[0]));
        var shown = await Cli.RunAsync("dossier", "show", Expired, "--data", Data.Path);
        Assert.That(shown.Stdout, Does.Contain("đã hủy"));
        Assert.That((await Cli.RunAsync("audit", "list", "--data", Data.Path)).Stdout,
            Does.Contain("dossier.approve-destruction").And.Contain("dossier.destroy").And.Contain("dossier.release"));

        // The record: signed with the agency key (pdfsig), sound (qpdf), PDF/A, and it names every file removed.
        var record = Data.File("bien-ban-huy.pdf");
        Assert.That((await As("ltv", "disposal", "record", Expired, "--to", record)).ExitCode, Is.Zero);
        var verdict = Pdfsig.Verify(record).Single();
        Assert.That(verdict.SignatureValid && verdict.CertificateValidation.Contains("Certificate is Trusted"), verdict.ToString());
        Assert.That(Tool.Run("qpdf", ["--check", record], check: false).ExitCode, Is.Zero);
        var pdfa = await new PdfAVerifier(new ToolRunner(Logger.None), new ConversionOptions()).VerifyAsync(record, CancellationToken.None);
        Assert.That(pdfa.IsValid, pdfa.ToString());
        var text = Tool.Run("pdftotext", [record, "-"]).Output;
        Assert.That(text, Does.Contain("BIÊN BẢN VỀ VIỆC HỦY TÀI LIỆU HẾT GIÁ TRỊ").And.Contain("05/BB-HĐ"));
        foreach (var original in _originals) Assert.That(text, Does.Contain(Sha256(original)));

        // A later backup does not have it, and a restore from the whole chain does not bring it back.
        Assert.That((await Cli.RunAsync("backup", "--to", media, "--data", Data.Path)).ExitCode, Is.Zero);
        using var restoreRoot = new TempFolder("archive-restore");
        var restored = Path.Combine(restoreRoot.Path, "data");
        var restore = await Cli.RunAsync("restore", "--from", media, "--to", restored);
        Assert.That(restore.ExitCode, Is.Zero, restore.ToString());
        foreach (var original in _originals) Assert.That(File.Exists(BlobPath(restored, original)), Is.False, original);
        Assert.That(File.Exists(BlobPath(restored, _kept)), Is.True);
        Assert.That((await Cli.RunAsync("fixity", "--data", restored)).ExitCode, Is.Zero);
    }

    [Test]
    public async Task A_destruction_killed_before_the_content_is_removed_is_finished_by_the_next_run()
    {
        Assert.That((await As("ltv", "disposal", "review", Expired, "--decision", "huy", "--council", "BB số 05/BB-HĐ")).ExitCode,
            Is.Zero);
        Assert.That((await As("giamdoc", "disposal", "approve", Expired)).ExitCode, Is.Zero);
        var killed = await Cli.RunChildAsync(["disposal", "destroy", Expired, "--as", "ltv", "--data", Data.Path],
            new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.DisposalBeforePurge });
        Assert.That(killed.ExitCode, Is.Not.EqualTo(0).And.Not.EqualTo(1).And.Not.EqualTo(64), killed.ToString());
        Assert.That((await Cli.RunAsync("dossier", "show", Expired, "--data", Data.Path)).Stdout, Does.Contain("đã hủy"));
        Assert.That(_originals.All(o => File.Exists(BlobPath(Data.Path, o))), Is.True, "still there, and still recorded");
        Assert.That((await Cli.RunAsync("fixity", "--data", Data.Path)).ExitCode, Is.Zero);

        var again = await As("ltv", "disposal", "destroy", Expired);
        Assert.That(again.ExitCode, Is.Zero, again.ToString());
        Assert.That(again.Stderr, Does.Contain("Hoàn tất việc xóa nội dung của 1 hồ sơ"));
        Assert.That(_originals.Any(o => File.Exists(BlobPath(Data.Path, o))), Is.False);
        Assert.That((await Cli.RunAsync("fixity", "--data", Data.Path)).ExitCode, Is.Zero);
        var third = await As("ltv", "disposal", "destroy", Expired);
        Assert.That((third.ExitCode, third.Stderr.Contains("đã bị hủy theo HUY.")), Is.EqualTo((64, true)), third.ToString());
    }

    [Test]
    public async Task A_dossier_of_the_restricted_collection_is_destroyed_on_the_air_gapped_host()
    {
        using var ns = NetworkNamespace.CreateOrIgnore();
        ns.AddLink("10.78.0.1/24", defaultGateway: null, outsideCidr: "10.78.0.200/24");
        var isolated = new Dictionary<string, string> { ["ARCHIVE__Archive__Restricted__IsolatedNetworks__0"] = "10.78.0.0/25" };
        async Task<CliResult> OnTheAirGappedHost(params string[] args)
        {
            var result = await Cli.RunChildAsync([.. args, "--data", Data.Path], isolated, ns.Exec);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            return result;
        }
        const string code = "000.00.00.H42.2018.09.MAT";
        await OnTheAirGappedHost("dossier", "create", "--set", $"OrganId={DemoDossier.Agency}", "--set", "FileCatalog=2018",
            "--set", "FileNotation=09.MAT", "--set", "Title=Hồ sơ hạn chế", "--set", "Maintenance=2 năm", "--set", "Rights=Hạn chế");
        var file = SamplePdf.Write(Data.File("han-che.pdf"), $"Tai lieu han che {Guid.NewGuid():N}");
        await OnTheAirGappedHost("document", "add", file, "--dossier", code, "--set", "TypeName=Công văn", "--set", "OrganName=Sở Nội vụ",
            "--set", "IssuedDate=2018-05-10", "--set", "Mode=01");
        await OnTheAirGappedHost("dossier", "close", code);
        var blob = BlobPath(Path.Combine(Data.Path, "restricted"), file);
        Assert.That(File.Exists(blob), Is.True);

        Assert.That((await OnTheAirGappedHost("disposal", "list", "--restricted")).Stdout, Does.Contain($"(đã hết hạn)  {code}"));
        await OnTheAirGappedHost("disposal", "review", code, "--decision", "huy", "--council", "BB số 09/BB-HĐ");
        await OnTheAirGappedHost("disposal", "approve", code);
        var destroyed = await OnTheAirGappedHost("disposal", "destroy", code, "--json");
        Assert.That(JsonDocument.Parse(destroyed.Stdout).RootElement.GetProperty("filesRemoved").GetInt32(), Is.EqualTo(1));
        Assert.That(File.Exists(blob), Is.False);
        Assert.That((await OnTheAirGappedHost("dossier", "show", code)).Stdout, Does.Contain("đã hủy"));
        Assert.That((await OnTheAirGappedHost("fixity")).ExitCode, Is.Zero);
    }

    private async Task<string> Ingest(string dossier, string number, string word)
    {
        var file = SamplePdf.Write(Data.File($"gm-{number}.pdf"), $"Giay moi hop {word} {Guid.NewGuid():N}");
        var metadata = Data.File($"gm-{number}.json");
        await File.WriteAllTextAsync(metadata, $$"""
            {"TypeName":"Giấy mời","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"1{{number}}","CodeNotation":"GM-UBND",
             "IssuedDate":"2018-05-10","Subject":"Giấy mời họp số {{number}}","PageAmount":1}
            """);
        var ingest = await Cli.RunAsync("ingest", file, "--dossier", dossier, "--metadata", metadata, "--data", Data.Path);
        Assert.That(ingest.ExitCode, Is.Zero, ingest.ToString());
        return file;
    }

    private List<string> DocumentIds(string dossier) =>
        JsonDocument.Parse(Cli.RunAsync("dossier", "show", dossier, "--json", "--data", Data.Path).Result.Stdout).RootElement
            .GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetString()!).ToList();

    private static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));

    private static string BlobPath(string data, string file)
    {
        var hex = Sha256(file);
        return Path.Combine(data, "blobs", "sha256", hex[..2], hex[2..4], hex);
    }

    private Task<CliResult> As(string login, params string[] args) => Cli.RunAsync([.. args, "--as", login, "--data", Data.Path]);
}
