using Archive.Tests.Support;
using System.Text;
using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Archive.Web.Cli;
using Serilog.Core;

namespace Archive.Tests.Search;

/// <summary>`archive search` and `archive reindex` on a real data folder: catalog, stored text, index.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SearchCommandTests(CatalogEngine engine)
{
    private static readonly Actor Tester = Actor.Operator("tester", "test-host");
    private TempFolder _folder = null!;
    private DataFolder _data = null!;
    private string _documentId = null!;

    [SetUp]
    public async Task CreateArchive()
    {
        _folder = new TempFolder("archive-search-tests");
        _data = new DataFolder(_folder.File("data"));
        engine.Attach(_data.Root);
        using var store = ArchiveStore.Open(_data, TimeProvider.System, Logger.None, catalog: CatalogEngines.CatalogOf(_data.Root));
        var catalog = new CatalogService(store, TimeProvider.System);
        catalog.CreateAgency("000.00.00.H42", "UBND tỉnh Hà Tĩnh", null, Tester);
        var dossier = catalog.CreateDossier(Tt02Metadata.Empty
            .With("OrganId", "000.00.00.H42").With("FileCatalog", "2019").With("FileNotation", "01.TH")
            .With("Title", "Hồ sơ ban hành quy chế làm việc").With("Maintenance", "Vĩnh viễn").With("Rights", "02"), Tester);
        _documentId = await File(store, dossier, "05", "Quyết định về việc ban hành quy chế làm việc của Ủy ban nhân dân tỉnh",
            "Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân tỉnh Hà Tĩnh nhiệm kỳ 2016 - 2021.", "02");
        await File(store, dossier, "06", "Quyết định phê duyệt danh mục tài liệu hạn chế sử dụng",
            "Danh mục gồm các hồ sơ về quốc phòng an ninh vùng biên giới.", "01");
    }

    private static async Task<string> File(ArchiveStore store, Dossier dossier, string number, string subject, string text, string mode)
    {
        var metadata = Tt02Metadata.Empty.With("TypeName", "Quyết định").With("OrganName", "UBND tỉnh Hà Tĩnh")
            .With("CodeNumber", number).With("CodeNotation", "QĐ-UBND").With("IssuedDate", "2019-04-12")
            .With("Subject", subject).With("Mode", mode).With("PageAmount", "2");
        var document = await new DocumentFiling(store, TimeProvider.System)
            .FileAsync(dossier.FileCode.Value, metadata.With("Mode", "02"),
                new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7 test {number}")), Tester, CancellationToken.None);
        if (AccessMode.Parse(mode).IsRestricted)
        {
            // Filing puts restricted documents only in the air-gapped collection; a restricted record in
            // the main catalog (reclassified later, or written by an older version) must still stay hidden.
            document = document with { Mode = AccessMode.Restricted };
            var reclassified = document;
            store.Catalog.Write(Tester, s =>
            {
                s.Documents.Update(reclassified);
                return 0;
            });
        }
        var work = store.BeginWork();
        await work.AddBlobAsync(new MemoryStream(Encoding.UTF8.GetBytes(text)), CatalogIndexSource.TextRole, document.Id, CancellationToken.None);
        work.Commit(Tester, _ => 0);
        return document.Id;
    }

    [TearDown]
    public void DeleteArchive() => _folder.Dispose();

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] line = [.. args, "--data", _data.Root];
        var exit = await ArchiveCommandLine.RunAsync(line, stdout, stderr, TimeProvider.System, settings: CatalogEngines.SettingsFor(line));
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Test]
    public async Task Search_builds_a_missing_index_from_the_catalog_and_answers_in_the_json_contract()
    {
        var (exit, output, errors) = await Run("search", "quy che lam viec", "--json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), errors);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(1));
        var hit = root.GetProperty("hits")[0];
        Assert.That(hit.GetProperty("id").GetString(), Is.EqualTo(_documentId));
        Assert.That(hit.GetProperty("soKyHieu").GetString(), Is.EqualTo("05/QĐ-UBND"));
        Assert.That(hit.GetProperty("ngay").GetString(), Is.EqualTo("2019-04-12"));
        Assert.That(hit.GetProperty("score").GetDouble(), Is.GreaterThan(0));
        Assert.That(hit.GetProperty("trichYeu").GetString(), Does.StartWith("Quyết định về việc"));
        Assert.That(hit.GetProperty("snippet").GetString(), Does.Contain("«Quy chế làm việc»"));
        Assert.That(root.GetProperty("facets").GetProperty("loai")[0].GetProperty("count").GetInt32(), Is.EqualTo(1));
        Assert.That(errors, Does.Contain("dựng lại"));
    }

    [Test]
    public async Task The_full_text_comes_from_the_stored_text_blob()
    {
        var (_, output, _) = await Run("search", "noidung:\"nhiệm kỳ\"", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public async Task Restricted_documents_are_not_shown_by_the_command()
    {
        var (_, output, _) = await Run("search", "quốc phòng an ninh", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.Zero);
    }

    [Test]
    public async Task Without_json_the_listing_is_readable_vietnamese()
    {
        var (exit, output, _) = await Run("search", "05/QD-UBND");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("Tìm thấy 1 văn bản"));
        Assert.That(output, Does.Contain("05/QĐ-UBND · 12/04/2019 · Quyết định · UBND tỉnh Hà Tĩnh"));
        Assert.That(output, Does.Contain("Tên loại: Quyết định (1)"));
    }

    [Test]
    public async Task A_malformed_query_still_answers_with_a_notice()
    {
        var (exit, output, _) = await Run("search", "\"quy chế");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("Lưu ý: Cú pháp truy vấn không hợp lệ"));
        Assert.That(output, Does.Contain("Tìm thấy 1 văn bản"));
    }

    [Test]
    public async Task Bad_options_are_usage_errors()
    {
        Assert.That((await Run("search", "quy chế", "--limit", "0")).Exit, Is.EqualTo(ExitCodes.UsageOrInput));
        Assert.That((await Run("search", "quy chế", "--sort", "size")).Exit, Is.EqualTo(ExitCodes.UsageOrInput));
    }

    [Test]
    public async Task Reindex_rebuilds_from_the_catalog_and_repairs_a_deleted_index()
    {
        var (exit, output, errors) = await Run("reindex", "--json");
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), errors);
        using (var json = JsonDocument.Parse(output))
            Assert.That(json.RootElement.GetProperty("indexed").GetInt32(), Is.EqualTo(2));

        Directory.Delete(_data.Index, recursive: true);
        var (_, found, _) = await Run("search", "quy chế", "--json");

        using var again = JsonDocument.Parse(found);
        Assert.That(again.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }

    /// <summary>`archive document add` of a tờ trình "về việc sửa chữa trụ sở làm việc" into the 2019 dossier.</summary>
    private async Task<(int Exit, string Out, string Err)> AddToTrinh()
    {
        var file = Path.Combine(_folder.Path, "to-trinh.pdf");
        await System.IO.File.WriteAllBytesAsync(file, "%PDF-1.7 tờ trình"u8.ToArray());
        return await Run("document", "add", file, "--dossier", "000.00.00.H42.2019.01.TH",
            "--set", "TypeName=Tờ trình", "--set", "OrganName=UBND tỉnh Hà Tĩnh", "--set", "CodeNumber=07",
            "--set", "CodeNotation=TTr-UBND", "--set", "IssuedDate=2019-05-02", "--set", "Subject=Tờ trình về việc sửa chữa trụ sở làm việc",
            "--set", "PageAmount=1", "--set", "Mode=02");
    }

    [Test]
    public async Task A_document_added_by_the_command_is_findable_at_once()
    {
        await Run("search", "quy chế");
        var (exit, _, errors) = await AddToTrinh();
        var (_, found, _) = await Run("search", "sua chua tru so", "--json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), errors);
        using var json = JsonDocument.Parse(found);
        Assert.That(json.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1));
        Assert.That(json.RootElement.GetProperty("hits")[0].GetProperty("soKyHieu").GetString(), Is.EqualTo("07/TTr-UBND"));
    }

    [Test]
    public async Task A_document_added_where_the_index_is_missing_is_in_the_index_the_command_rebuilds()
    {
        var (exit, _, errors) = await AddToTrinh();
        var (_, added, _) = await Run("search", "sua chua tru so", "--json");
        var (_, earlier, _) = await Run("search", "nhiệm kỳ", "--json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), errors);
        Assert.That(errors, Does.Contain("dựng lại"), "the add found no index and rebuilt it");
        using var addedJson = JsonDocument.Parse(added);
        Assert.That(addedJson.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1));
        using var earlierJson = JsonDocument.Parse(earlier);
        Assert.That(earlierJson.RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1));
    }
}
