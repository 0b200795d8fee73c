using System.Security.Cryptography;
using System.Text.Json;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;
using Microsoft.Playwright;

namespace Archive.Tests.Web.Browser;

/// <summary>
/// The workplace in a real browser over a demo archive: a records officer finds, reads and downloads a document; a specialist
/// without a grant sees none of it; a dossier title written as markup stays text.
/// </summary>
public sealed class WorkplaceTests
{
    private const string Password = "Van-thu-2019-HT";
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private TempFolder _data = null!;
    private ServerProcess _server = null!;
    private string _documentId = null!;
    private string _sample = null!;

    [OneTimeSetUp]
    public async Task CreateArchive()
    {
        _data = new TempFolder("archive-data");
        var samples = Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "samples");
        _sample = Path.Combine(samples, "quyet-dinh-quy-che.pdf");
        Assert.That((await Cli.RunAsync("demo", "--samples", samples, "--data", _data.Path)).ExitCode, Is.Zero);
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("cvien", "chuyen-vien") })
        {
            var created = await Cli.RunWithInputAsync(Password + "\n", "user", "create", login, "--full-name", $"Người dùng {login}",
                "--agency", "000.00.00.H42", "--role", role, "--password-stdin", "--data", _data.Path);
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
        }
        var hostile = await Cli.RunAsync("dossier", "create", "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2020", "--set",
            "FileNotation=99.XSS", "--set", $"Title={Hostile}", "--set", "Maintenance=10 năm", "--data", _data.Path);
        Assert.That(hostile.ExitCode, Is.Zero, hostile.ToString());
        var found = await Cli.RunAsync("search", "quy che", "--json", "--data", _data.Path);
        _documentId = JsonDocument.Parse(found.Stdout).RootElement.GetProperty("hits")[0].GetProperty("id").GetString()!;
        _server = await ServerProcess.StartAsync(_data.Path);
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        _data.Dispose();
    }

    [Test]
    public async Task A_records_officer_finds_the_document_reads_its_pdfa_and_downloads_the_original_bit_for_bit()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await SignInAsync(page, "vthu");

        await page.GotoAsync("/ho-so");
        Assert.That(await page.Locator("[data-test=dossier-title]").AllTextContentsAsync(), Has.Member(Hostile), "markup shown as text");
        await BrowserFixture.ScreenshotAsync(page, "danh-muc-ho-so");

        await page.GotoAsync("/tim-kiem?q=quy%20che%20van%20ban");
        Assert.That(await page.Locator("[data-test=hit]").CountAsync(), Is.GreaterThanOrEqualTo(1), "found without diacritics");
        await BrowserFixture.ScreenshotAsync(page, "tim-kiem");
        await page.Locator("[data-test=hit] a").First.ClickAsync();
        await page.WaitForURLAsync($"**/van-ban/{_documentId}");

        Assert.That(await BrowserFixture.InkOnFirstPageAsync(page), Is.GreaterThan(100), "the first page is drawn, not blank");
        await BrowserFixture.ScreenshotAsync(page, "van-ban");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=download-original]"));
        await using (var stream = await download.CreateReadStreamAsync())
            Assert.That(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)),
                Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_sample)))));
        Assert.That(dialogs, Is.Empty, "no script of a title ran");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_specialist_without_a_grant_sees_neither_the_dossier_nor_the_document()
    {
        var (context, page, _) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "cvien");

        await page.GotoAsync("/ho-so");
        Assert.That(await page.Locator("[data-test=dossier-title]").CountAsync(), Is.Zero);
        var document = await page.GotoAsync($"/van-ban/{_documentId}");
        Assert.That(document!.Status, Is.EqualTo(403));
        Assert.That(await page.TextContentAsync("body"), Does.Contain("không có quyền"));
        var original = await page.APIRequest.GetAsync($"/api/v1/documents/{_documentId}/original");
        Assert.That(original.Status, Is.EqualTo(403));
        await page.GotoAsync("/tim-kiem?q=quy%20che");
        Assert.That(await page.Locator("[data-test=hit]").CountAsync(), Is.Zero);
        Assert.That((await page.GotoAsync("/bao-quan"))!.Status, Is.EqualTo(403), "the preservation page is for administrators and archivists");
        await BrowserFixture.ScreenshotAsync(page, "chuyen-vien-khong-duoc-xem");
    }

    [Test]
    public async Task A_records_officer_opens_a_dossier_sees_each_error_beside_its_field_edits_closes_and_reopens_it()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "vthu");
        await page.GotoAsync("/ho-so");
        await page.ClickAsync("[data-test=new-dossier]");
        await BrowserFixture.ReachAsync(page, "/ho-so/moi");
        await page.FillAsync("#FileNotation", "05.VP");
        await page.ClickAsync("[data-test=dossier-form] button[type=submit]");
        Assert.That(await page.TextContentAsync("[data-test=error-Title]"), Does.Contain("bắt buộc"));
        Assert.That(await page.TextContentAsync("[data-test=error-Maintenance]"), Does.Contain("bắt buộc"));
        Assert.That(await page.InputValueAsync("#FileNotation"), Is.EqualTo("05.VP"), "what was typed is kept");
        await BrowserFixture.ScreenshotAsync(page, "lap-ho-so-loi");

        await page.FillAsync("#Title", "Hồ sơ hội nghị tổng kết năm");
        await page.SelectOptionAsync("#Maintenance", "20 năm");
        await page.ClickAsync("[data-test=dossier-form] button[type=submit]");
        var year = DateTime.Now.Year;
        var path = $"/ho-so/000.00.00.H42.{year}.05.VP";
        await BrowserFixture.ReachAsync(page, path);
        Assert.That(await page.TextContentAsync("[data-test=dossier-title]"), Is.EqualTo("Hồ sơ hội nghị tổng kết năm"));

        // Two people edit at once: the second to save is told, and the first one's title stays.
        var other = await context.NewPageAsync();
        await page.GotoAsync(path + "/sua");
        await other.GotoAsync(path + "/sua");
        await other.FillAsync("#Title", "Hồ sơ hội nghị tổng kết năm (bản của người thứ nhất)");
        await other.ClickAsync("[data-test=dossier-form] button[type=submit]");
        await BrowserFixture.ReachAsync(other, path);
        await page.FillAsync("#Title", "Bản của người thứ hai");
        await page.ClickAsync("[data-test=dossier-form] button[type=submit]");
        Assert.That(await page.TextContentAsync("[data-test=stale]"), Does.Contain("đã được sửa"));
        await BrowserFixture.ScreenshotAsync(page, "sua-ho-so-xung-dot");
        await page.GotoAsync(path);
        Assert.That(await page.TextContentAsync("[data-test=dossier-title]"), Is.EqualTo("Hồ sơ hội nghị tổng kết năm (bản của người thứ nhất)"));

        await page.ClickAsync("[data-test=close]");
        Assert.That(await page.TextContentAsync("[data-test=dossier-status]"), Does.Contain("đã đóng"));
        await page.ClickAsync("[data-test=reopen]");
        Assert.That(await page.TextContentAsync("[data-test=problem]"), Does.Contain("lý do"));
        await page.FillAsync("#reason", "Bổ sung biên bản hội nghị");
        await page.ClickAsync("[data-test=reopen]");
        Assert.That(await page.TextContentAsync("[data-test=dossier-status]"), Does.Contain("đang mở"));
        await BrowserFixture.ScreenshotAsync(page, "ho-so");
        Assert.That(errors, Is.Empty, "a refusal on a form is a message on the page, not a failed load");
    }

    private static async Task SignInAsync(IPage page, string login)
    {
        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/dang-nhap"));
    }
}
