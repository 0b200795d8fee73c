using System.Text.Json;
using Archive.Tests.Ingest.Conversion;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>
/// `archive ingest FILE... --metadata SHEET`: the form records officers fill in, one row per file, as a CSV written by hand and
/// as the XLSX LibreOffice Calc makes of it (dates and numbers stored as a spreadsheet stores them); headers by TT 02 tag or
/// by Vietnamese field name. A column that is no field, or a row for a file not given, is refused before anything is stored.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class MetadataSheetTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Csv = """
        Tệp,Tên loại văn bản,CodeNumber,CodeNotation,Ngày tháng năm văn bản,Tên cơ quan tổ chức ban hành văn bản,Subject,PageAmount
        cv-a.pdf,Công văn,21,UBND-NV,2026-11-20,UBND huyện Can Lộc,"Về việc báo cáo, tổng hợp",1
        cv-b.pdf,Công văn,22,UBND-NV,2026-11-21,UBND huyện Can Lộc,Về việc kiểm tra hồ sơ,1
        """;

    private async Task<string[]> TwoPdfs() =>
    [
        SamplePdf.Write(Data.File("cv-a.pdf"), $"Cong van a {Guid.NewGuid():N}"),
        SamplePdf.Write(Data.File("cv-b.pdf"), $"Cong van b {Guid.NewGuid():N}"),
    ];

    [TestCase(false)]
    [TestCase(true)]
    public async Task Each_file_gets_its_row(bool xlsx)
    {
        var files = await TwoPdfs();
        var sheet = Data.File("phieu.csv");
        await File.WriteAllTextAsync(sheet, Csv.Replace("\r\n", "\n") + "\n");
        if (xlsx)
        {
            var made = Path.Combine(Data.Path, "made");
            Directory.CreateDirectory(made);
            await ExternalTool.SucceedAsync("soffice", "libreoffice-calc-nogui", "--headless", "--norestore",
                $"-env:UserInstallation=file://{Data.Path}/lo-profile", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx",
                "--outdir", made, sheet);
            sheet = Path.Combine(made, "phieu.xlsx");
        }

        var ingest = await Cli.RunAsync("ingest", files[0], files[1], "--dossier", DemoDossier.Code, "--metadata", sheet, "--json",
            "--data", Data.Path);

        Assert.That(ingest.ExitCode, Is.Zero, ingest.ToString());
        var shown = JsonDocument.Parse((await Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", Data.Path)).Stdout);
        var documents = shown.RootElement.GetProperty("documents").EnumerateArray()
            .Select(d => (d.GetProperty("codeNumber").GetString(), d.GetProperty("issuedDate").GetString(),
                d.GetProperty("subject").GetString()))
            .ToList();
        Assert.That(documents, Is.EquivalentTo(new[]
        {
            ("21", "2026-11-20", "Về việc báo cáo, tổng hợp"), ("22", "2026-11-21", "Về việc kiểm tra hồ sơ"),
        }));
    }

    [TestCase("Tệp,Màu bìa\ncv-a.pdf,xanh\n", "Cột \"Màu bìa\"")]
    [TestCase("Tệp,Subject\ncv-c.pdf,Về việc khác\n", "tệp 'cv-c.pdf', không có trong các tệp")]
    [TestCase("Subject\nVề việc khác\n", "thiếu cột tên tệp")]
    public async Task A_sheet_that_does_not_fit_is_refused_before_anything_is_stored(string csv, string reason)
    {
        var files = await TwoPdfs();
        var sheet = Data.File("sai.csv");
        await File.WriteAllTextAsync(sheet, csv);

        var ingest = await Cli.RunAsync("ingest", files[0], files[1], "--dossier", DemoDossier.Code, "--metadata", sheet,
            "--data", Data.Path);

        Assert.That(ingest.ExitCode, Is.EqualTo(64), ingest.ToString());
        Assert.That(ingest.Stderr, Does.Contain(reason));
        Assert.That((await Cli.RunAsync("inbox", "list", "--data", Data.Path)).Stdout, Does.Not.Contain("cv-a.pdf"));
    }
}
