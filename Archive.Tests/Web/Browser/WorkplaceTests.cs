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
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class WorkplaceTests(CatalogEngine engine)
{
    private const string Password = "Van-thu-2019-HT";
    private static readonly string DemoDossierCode = $"000.00.00.H42.{DateTime.Now.Year - 1}.01.TH";
    private const string OldDossier = "000.00.00.H42.2015.98.NL";
    private const string ExpiredDossier = "000.00.00.H42.2015.97.HUY";
    private const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private TempFolder _data = null!;
    private ServerProcess _server = null!;
    private TempFolder _backups = null!;
    private string _documentId = null!;
    private string _sample = null!;

    [OneTimeSetUp]
    public async Task CreateArchive()
    {
        _data = new TempFolder("archive-data");
        engine.Attach(_data.Path);
        var samples = Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "samples");
        _sample = Path.Combine(samples, "quyet-dinh-quy-che.pdf");
        Assert.That((await Cli.RunAsync("demo", "--samples", samples, "--data", _data.Path)).ExitCode, Is.Zero);
        foreach (var (login, role) in new[]
                 { ("vthu", "van-thu"), ("cvien", "chuyen-vien"), ("qtri", "quan-tri"), ("ltv", "luu-tru-vien"), ("gdoc", "lanh-dao") })
        {
            var created = await Cli.RunWithInputAsync(Password + "\n", "user", "create", login, "--full-name", $"Người dùng {login}",
                "--agency", "000.00.00.H42", "--role", role, "--password-stdin", "--data", _data.Path);
            Assert.That(created.ExitCode, Is.Zero, created.ToString());
        }
        var hostile = await Cli.RunAsync("dossier", "create", "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2020", "--set",
            "FileNotation=99.XSS", "--set", $"Title={Hostile}", "--set", "Maintenance=10 năm", "--data", _data.Path);
        Assert.That(hostile.ExitCode, Is.Zero, hostile.ToString());
        await CloseAnOldDossierAsync(OldDossier, "10 năm");
        await CloseAnOldDossierAsync(ExpiredDossier, "5 năm");
        var found = await Cli.RunAsync("search", "quy che", "--json", "--data", _data.Path);
        _documentId = JsonDocument.Parse(found.Stdout).RootElement.GetProperty("hits")[0].GetProperty("id").GetString()!;
        // Every test here signs in from 127.0.0.1, some several times: more than one office's worth of attempts in a minute.
        _backups = new TempFolder("backup-media");
        _server = await ServerProcess.StartAsync(_data.Path, new Dictionary<string, string>
        {
            ["ARCHIVE__Archive__Web__SignInAttemptsPerMinute"] = "200",
            ["ARCHIVE__Archive__Backup__Targets__0"] = Path.Combine(_backups.Path, "a"),
            ["ARCHIVE__Archive__Backup__Targets__1"] = Path.Combine(_backups.Path, "b"),
        });
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _server.DisposeAsync();
        _data.Dispose();
        _backups.Dispose();
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
        Assert.That(await page.TextContentAsync("[data-test=overdue]"), Does.Contain(DemoDossierCode),
            "last year's open dossiers wait to be closed");

        await page.GotoAsync("/ho-so");
        Assert.That(await page.Locator("[data-test=dossier-title]").AllTextContentsAsync(), Has.Member(Hostile), "markup shown as text");
        await BrowserFixture.ScreenshotAsync(page, "danh-muc-ho-so");

        await page.GotoAsync("/tim-kiem?q=quy%20che%20van%20ban");
        Assert.That(await page.Locator("[data-test=hit]").CountAsync(), Is.GreaterThanOrEqualTo(1), "found without diacritics");
        await BrowserFixture.ScreenshotAsync(page, "tim-kiem");
        var facet = (await page.Locator("[data-test=facet-value]").First.TextContentAsync())!;
        await page.Locator("[data-test=facet-value]").First.ClickAsync();
        Assert.That(await page.InputValueAsync("input[name=q]"), Does.EndWith($":\"{facet}\""), "a facet narrows the query");
        Assert.That(await page.Locator("[data-test=hit]").CountAsync(), Is.GreaterThanOrEqualTo(1));
        await page.SelectOptionAsync("[data-test=sort]", "DateNewest");
        await page.ClickAsync("form[role=search] button[type=submit]");
        Assert.That(page.Url, Does.Contain("sort=DateNewest"));
        await page.Locator("[data-test=hit] a").First.ClickAsync();
        await BrowserFixture.ReachAsync(page, $"/van-ban/{_documentId}");

        Assert.That(await BrowserFixture.InkOnFirstPageAsync(page), Is.GreaterThan(100), "the first page is drawn, not blank");
        await BrowserFixture.ScreenshotAsync(page, "van-ban");

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=download-original]"));
        await using (var stream = await download.CreateReadStreamAsync())
            Assert.That(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)),
                Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(_sample)))));
        var details = JsonDocument.Parse(await (await page.APIRequest.GetAsync($"/api/v1/documents/{_documentId}")).TextAsync())
            .RootElement;
        Assert.That(details.GetProperty("document").GetProperty("id").GetString(), Is.EqualTo(_documentId), "the same through the API");
        Assert.That(details.GetProperty("history").GetArrayLength(), Is.GreaterThan(0));
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
        Assert.That((await page.APIRequest.GetAsync($"/api/v1/documents/{_documentId}")).Status, Is.EqualTo(403));
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
        Assert.That(await page.TextContentAsync("[data-test=dossier-title]"),
            Is.EqualTo("Hồ sơ hội nghị tổng kết năm (bản của người thứ nhất)"));

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

    [Test]
    public async Task An_administrator_opens_an_account_grants_and_revokes_a_dossier_unlocks_it_and_uploads_a_root_certificate()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "qtri");
        await page.ClickAsync("[data-test=nav-admin]");
        await BrowserFixture.ReachAsync(page, "/quan-tri");

        await page.FillAsync("[data-test=new-user] #login", "Nguyen Van B");
        await page.ClickAsync("[data-test=new-user] button[type=submit]");
        Assert.That(await page.TextContentAsync("[data-test=problem]"), Does.Contain("nguyen van b"), "a wrong login is named");
        await page.FillAsync("[data-test=new-user] #login", "nvb");
        await page.FillAsync("[data-test=new-user] #fullName", "Nguyễn Văn B");
        await page.SelectOptionAsync("[data-test=new-user] #agency", "000.00.00.H42");
        await page.FillAsync("[data-test=new-user] #unit", "Phòng Tổng hợp");
        await page.CheckAsync("[data-test=new-user] #role-chuyen-vien");
        await page.ClickAsync("[data-test=new-user] button[type=submit]");
        var done = await page.TextContentAsync("[data-test=done]");
        var oneTime = done!.Split(": ")[^1].Trim();
        Assert.That(oneTime, Has.Length.GreaterThanOrEqualTo(10), done);
        await BrowserFixture.ScreenshotAsync(page, "quan-tri-nguoi-dung");

        // Five wrong passwords lock the new account, in the browser; the administrator unlocks it.
        var (visitorContext, visitor, _) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using (visitorContext)
        {
            for (var i = 0; i < 5; i++)
            {
                await visitor.GotoAsync("/dang-nhap");
                await visitor.FillAsync("#login", "nvb");
                await visitor.FillAsync("#password", $"Sai-mat-khau-{i}");
                await visitor.ClickAsync("main button[type=submit]");
            }
            await visitor.GotoAsync("/dang-nhap");
            await visitor.FillAsync("#login", "nvb");
            await visitor.FillAsync("#password", oneTime);
            await visitor.ClickAsync("main button[type=submit]");
            Assert.That(await visitor.TextContentAsync("main"), Does.Contain("tạm khoá"), "even the right password waits out the lock");
            await BrowserFixture.ScreenshotAsync(visitor, "dang-nhap-bi-khoa");

            await page.GotoAsync("/quan-tri/nguoi-dung/nvb");
            Assert.That(await page.TextContentAsync("[data-test=account-state]"), Does.Contain("tạm khoá"));
            await page.ClickAsync("[data-test=unlock]");
            Assert.That(await page.TextContentAsync("[data-test=done]"), Does.Contain("mở khoá"));
            await BrowserFixture.ScreenshotAsync(page, "quan-tri-tai-khoan");

            await page.GotoAsync("/quan-tri/quyen");
            await page.FillAsync("[data-test=new-grant] #dossier", DemoDossierCode);
            await page.SelectOptionAsync("[data-test=new-grant] #user", "nvb");
            await page.ClickAsync("[data-test=new-grant] button[type=submit]");
            Assert.That(await page.TextContentAsync("[data-test=done]"), Does.Contain("nvb"));
            await BrowserFixture.ScreenshotAsync(page, "quan-tri-quyen");

            await visitor.GotoAsync("/dang-nhap");
            await visitor.FillAsync("#login", "nvb");
            await visitor.FillAsync("#password", oneTime);
            await visitor.ClickAsync("main button[type=submit]");
            await BrowserFixture.ReachAsync(visitor, "/doi-mat-khau");
            await visitor.FillAsync("#current", oneTime);
            await visitor.FillAsync("#new", Password);
            await visitor.ClickAsync("main button[type=submit]");
            await BrowserFixture.ReachAsync(visitor, "/");
            Assert.That((await visitor.GotoAsync($"/ho-so/{DemoDossierCode}"))!.Status, Is.EqualTo(200), "the grant opens the dossier");

            await page.ClickAsync("[data-test=revoke-grant]");
            Assert.That(await page.TextContentAsync("[data-test=done]"), Does.Contain("thu hồi"));
            Assert.That((await visitor.GotoAsync($"/ho-so/{DemoDossierCode}"))!.Status, Is.EqualTo(403), "the revoke counts at once");
        }

        await page.GotoAsync("/quan-tri/co-quan");
        await page.FillAsync("#code", "H42-SAI");
        await page.FillAsync("#name", "Cơ quan mã sai");
        await page.ClickAsync("[data-test=new-agency] button[type=submit]");
        Assert.That(await page.TextContentAsync("[data-test=problem]"), Does.Contain("H42-SAI"));
        await BrowserFixture.ScreenshotAsync(page, "quan-tri-co-quan");

        using var folder = new TempFolder("trust-upload");
        var notACertificate = Path.Combine(folder.Path, "ghi-chu.cer");
        await File.WriteAllTextAsync(notACertificate, "đây không phải chứng thư");
        var root = Path.Combine(folder.Path, "goc-thu-nghiem.cer");
        using (var key = System.Security.Cryptography.ECDsa.Create())
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Gốc thử nghiệm, O=Ban Cơ yếu", key,
                HashAlgorithmName.SHA256);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
            await File.WriteAllBytesAsync(root, certificate.RawData);
        }
        await page.GotoAsync("/quan-tri/tin-cay");
        await page.SetInputFilesAsync("#file", notACertificate);
        await page.ClickAsync("[data-test=upload-trust] button[type=submit]");
        Assert.That(await page.TextContentAsync("[data-test=problem]"), Does.Contain("không phải chứng thư số"));
        await page.SetInputFilesAsync("#file", root);
        await page.ClickAsync("[data-test=upload-trust] button[type=submit]");
        Assert.That(await page.TextContentAsync("[data-test=trust]"), Does.Contain("Gốc thử nghiệm"));
        await BrowserFixture.ScreenshotAsync(page, "quan-tri-tin-cay");

        await page.GotoAsync("/quan-tri/nhat-ky");
        var audit = await page.TextContentAsync("[data-test=audit]");
        Assert.That(audit, Does.Contain("thu hồi quyền trên hồ sơ").And.Contain("thêm chứng thư gốc").And.Contain("mở khoá tài khoản"));
        await BrowserFixture.ScreenshotAsync(page, "quan-tri-nhat-ky");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task An_administrator_runs_the_fixity_check_and_a_backup_now_and_downloads_the_minutes()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "qtri");
        foreach (var (job, name) in new[] { ("fixity", "Kiểm tra toàn vẹn"), ("backup", "Sao lưu") })
        {
            await page.GotoAsync("/bao-quan");
            await page.ClickAsync($"[data-test=run-{job}]");
            Assert.That(await page.TextContentAsync("[data-test=started]"), Does.Contain(name));
            await WaitForRunAsync(page, name);
        }
        await page.GotoAsync("/bao-quan");
        Assert.That(await page.TextContentAsync("[data-test=backups]"), Does.Contain("toàn bộ"), "the backup set is listed");
        Assert.That(await page.EvaluateAsync<int>("() => Chart.getChart('job-chart').data.labels.length"), Is.GreaterThanOrEqualTo(2),
            "the chart draws the runs");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=minutes] a"));
        await using (var stream = await download.CreateReadStreamAsync())
        using (var reader = new StreamReader(stream))
            Assert.That(await reader.ReadToEndAsync(), Does.Contain("BIÊN BẢN KIỂM TRA").And.Contain("tất cả các tệp nguyên vẹn"));
        await BrowserFixture.ScreenshotAsync(page, "bao-quan-chay-ngay");
        Assert.That(errors, Is.Empty);
    }

    /// <summary>
    /// Waits, without reloading, until the newest run of the job has ended (htmx refreshes the history while a job runs), and
    /// asserts that it succeeded.
    /// </summary>
    private static async Task WaitForRunAsync(IPage page, string name)
    {
        // The newest row whose job (second cell) is this one: another job's details may name it too ("Sao lưu").
        const string newest = "name => [...document.querySelectorAll('#job-history tbody tr')]"
            + ".find(r => r.cells[1].textContent.trim() === name)";
        await page.WaitForFunctionAsync(
            $"name => {{ const row = ({newest})(name); return row && row.cells[2].textContent.trim() !== 'đang chạy'; }}",
            name, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 250 });
        var outcome = await page.EvaluateAsync<string>($"name => ({newest})(name).cells[2].textContent.trim()", name);
        Assert.That(outcome, Is.EqualTo("thành công"));
    }

    [Test]
    public async Task The_workplace_pages_fit_a_phone_screen_without_sideways_scrolling()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await page.SetViewportSizeAsync(390, 844);
        await SignInAsync(page, "vthu");
        foreach (var path in new[]
                 {
                     "/", "/cho-luu-tru", "/tiep-nhan", "/so-van-ban-den", "/ho-so", $"/ho-so/{DemoDossierCode}", "/ho-so/moi",
                     "/tim-kiem?q=quy%20che", $"/van-ban/{_documentId}", "/ma-truy-cap", "/doi-mat-khau",
                 })
        {
            Assert.That((await page.GotoAsync(path))!.Status, Is.EqualTo(200), path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            Assert.That(overflow, Is.LessThanOrEqualTo(0), $"{path} is {overflow} px wider than the phone");
        }
        await page.GotoAsync($"/ho-so/{DemoDossierCode}");
        await BrowserFixture.ScreenshotAsync(page, "ho-so-dien-thoai");
        Assert.That(errors, Is.Empty);
    }

    [Test]
    public async Task A_person_makes_a_personal_api_token_uses_it_once_and_revokes_it()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "cvien");
        await page.GotoAsync("/ma-truy-cap");
        await page.FillAsync("#name", "máy quét phòng tổng hợp");
        await page.ClickAsync("[data-test=new-token] button[type=submit]");
        var secret = (await page.TextContentAsync("[data-test=secret]"))!.Trim();
        await BrowserFixture.ScreenshotAsync(page, "ma-truy-cap");

        var request = await BrowserFixture.PlainRequestAsync(_server.BaseUrl);
        await using var requestLifetime = request;
        var headers = new Dictionary<string, string> { ["Authorization"] = $"Bearer {secret}" };
        var me = await request.GetAsync("/api/v1/me", new APIRequestContextOptions { Headers = headers });
        Assert.That(me.Status, Is.EqualTo(200));
        Assert.That(await me.TextAsync(), Does.Contain("cvien"));

        await page.ClickAsync("[data-test=revoke-token]");
        Assert.That(await page.TextContentAsync("[data-test=done]"), Does.Contain("máy quét phòng tổng hợp"));
        var revoked = await request.GetAsync("/api/v1/me", new APIRequestContextOptions { Headers = headers });
        Assert.That(revoked.Status, Is.EqualTo(403));
        Assert.That(await revoked.TextAsync(), Does.Contain("thu hồi"));
        Assert.That(errors, Is.Empty);
    }

    private static Task SignInAsync(IPage page, string login) => BrowserFixture.SignInAsync(page, login, Password);

    /// <summary>A dossier of 2015, closed and never transferred: overdue for the agency archive, its retention ended.</summary>
    private async Task CloseAnOldDossierAsync(string code, string maintenance)
    {
        var notation = code[(code.LastIndexOf(".2015.", StringComparison.Ordinal) + 6)..];
        var created = await Cli.RunAsync("dossier", "create", "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2015", "--set",
            $"FileNotation={notation}", "--set", "Title=Hồ sơ công văn năm 2015", "--set", $"Maintenance={maintenance}",
            "--data", _data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        var file = SamplePdf.Write(_data.File($"cong-van-{notation}.pdf"), $"Cong van 2015 {notation}");
        var added = await Cli.RunAsync("document", "add", file, "--dossier", code, "--set", "TypeName=Công văn", "--set",
            "OrganName=Sở Nội vụ tỉnh Hà Tĩnh", "--set", "IssuedDate=2015-03-02", "--set", "Subject=Công văn năm 2015",
            "--data", _data.Path);
        Assert.That(added.ExitCode, Is.Zero, added.ToString());
        Assert.That((await Cli.RunAsync("dossier", "close", code, "--data", _data.Path)).ExitCode, Is.Zero);
    }

    [Test]
    public async Task An_incoming_document_is_presented_assigned_and_completed_in_the_browser()
    {
        var (officerContext, officer, officerErrors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var officerLifetime = officerContext;
        await SignInAsync(officer, "vthu");
        await officer.ClickAsync("a.nav-link:has-text('Xử lý')");
        await BrowserFixture.ReachAsync(officer, "/xu-ly");
        var arrival = await officer.Locator("[data-test=unpresented] tbody tr").First.GetAttributeAsync("data-arrival");
        var row = officer.Locator($"tr[data-arrival='{arrival}']");
        await row.Locator("[data-test=leader]").SelectOptionAsync("gdoc");
        await row.Locator("[data-test=present]").ClickAsync();
        Assert.That(await officer.TextContentAsync("[data-test=done]"), Does.Contain("cho gdoc"));

        var (headContext, head, headErrors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var headLifetime = headContext;
        await SignInAsync(head, "gdoc");
        Assert.That(await head.TextContentAsync("[data-test=my-tasks]"), Is.EqualTo("1"), "presented to the leader: on the home page");
        await head.GotoAsync("/xu-ly?loc=Mine");
        var task = head.Locator($"tr[data-task='{arrival}'] [data-test=assign]");
        await task.Locator("input[name=lead]").FillAsync("cvien");
        await task.Locator("input[name=deadline]").FillAsync(DateTime.Now.AddDays(2).ToString("yyyy-MM-dd"));
        await task.Locator("input[name=instructions]").FillAsync("Đề nghị tham mưu trả lời");
        await task.Locator("button").ClickAsync();
        Assert.That(await head.TextContentAsync("[data-test=done]"), Does.Contain("Chủ trì: người dùng cvien"));

        var (staffContext, staff, staffErrors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var staffLifetime = staffContext;
        await SignInAsync(staff, "cvien");
        Assert.That(await staff.TextContentAsync("[data-test=my-tasks]"), Is.EqualTo("1"));
        await staff.GotoAsync("/xu-ly?loc=DueSoon");
        var mine = staff.Locator($"tr[data-task='{arrival}']");
        await mine.Locator("[data-test=progress] input[name=note]").FillAsync("Đã dự thảo văn bản trả lời");
        await mine.Locator("[data-test=progress] button").ClickAsync();
        await mine.Locator("[data-test=complete] button").ClickAsync();
        Assert.That(await staff.TextContentAsync("[data-test=done]"), Does.Contain("Đã hoàn thành"));
        await staff.GotoAsync("/xu-ly?loc=All");
        Assert.That(await staff.Locator($"tr[data-task='{arrival}'] [data-test=status]").TextContentAsync(), Is.EqualTo("đã xong"));
        Assert.That(await staff.Locator($"tr[data-task='{arrival}'] [data-test=history] li").CountAsync(), Is.EqualTo(4));
        await BrowserFixture.ScreenshotAsync(staff, "xu-ly");
        Assert.That(officerErrors.Concat(headErrors).Concat(staffErrors), Is.Empty);
        var api = JsonDocument.Parse(await (await staff.GotoAsync("/api/v1/tasks?filter=All"))!.TextAsync()).RootElement;
        Assert.That(api.GetProperty("items").EnumerateArray().Where(t => t.GetProperty("id").GetString() == arrival)
            .Select(t => (t.GetProperty("status").GetString(), t.GetProperty("history").GetArrayLength())),
            Is.EqualTo(new[] { ("done", 4) }));
    }

    [Test]
    public async Task An_archivist_and_the_head_of_the_agency_destroy_an_expired_dossier_in_the_browser()
    {
        var (context, page, errors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "ltv");
        await page.ClickAsync("a.nav-link:has-text('Tiêu hủy')");
        await BrowserFixture.ReachAsync(page, "/tieu-huy");
        var row = page.Locator($"tr[data-dossier='{ExpiredDossier}']");
        Assert.That(await row.Locator("[data-test=state]").TextContentAsync(), Does.Contain("chờ Hội đồng xác định giá trị"));
        await row.Locator("[data-test=review] select[name=decision]").SelectOptionAsync("huy");
        await row.Locator("[data-test=review] input[name=council]").FillAsync("Biên bản họp Hội đồng số 05/BB-HĐ");
        await row.Locator("[data-test=review] button").ClickAsync();
        Assert.That(await page.TextContentAsync("[data-test=done]"), Does.Contain($"cho hồ sơ {ExpiredDossier}"));
        Assert.That(await row.Locator("[data-test=approve]").CountAsync(), Is.Zero, "an archivist does not approve");

        var (headContext, headPage, headErrors) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var headLifetime = headContext;
        await SignInAsync(headPage, "gdoc");
        await headPage.GotoAsync("/tieu-huy");
        await headPage.Locator($"tr[data-dossier='{ExpiredDossier}'] [data-test=approve]").ClickAsync();
        Assert.That(await headPage.TextContentAsync("[data-test=done]"), Does.Contain($"Đã duyệt hủy hồ sơ {ExpiredDossier}"));

        await page.GotoAsync("/tieu-huy");
        await row.Locator("input[type=checkbox]").CheckAsync();
        await row.Locator("[data-test=destroy]").ClickAsync();
        Assert.That(await page.TextContentAsync("[data-test=done]"), Does.Contain($"Đã hủy hồ sơ {ExpiredDossier} theo biên bản HUY."));
        await BrowserFixture.ScreenshotAsync(page, "tieu-huy");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=record]"));
        await using (var stream = await download.CreateReadStreamAsync())
        {
            var head = new byte[5];
            await stream.ReadExactlyAsync(head);
            Assert.That(System.Text.Encoding.ASCII.GetString(head), Is.EqualTo("%PDF-"));
        }
        var disposals = JsonDocument.Parse(await (await page.GotoAsync("/api/v1/disposals"))!.TextAsync()).RootElement;
        Assert.That(disposals.EnumerateArray().Select(d => d.GetProperty("dossier").GetString()), Does.Not.Contain(ExpiredDossier));
        Assert.That(errors.Concat(headErrors), Is.Empty);

        var (officerContext, officerPage, _) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var officerLifetime = officerContext;
        await SignInAsync(officerPage, "vthu");
        Assert.That((await officerPage.GotoAsync("/tieu-huy"))!.Status, Is.EqualTo(403));
    }

    [Test]
    public async Task An_archivist_sees_what_is_due_for_transfer_on_the_home_page_and_the_transfer_page()
    {
        var (context, page, _) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var contextLifetime = context;
        await SignInAsync(page, "ltv");
        Assert.That(int.Parse((await page.TextContentAsync("[data-test=transfers-due]"))!.Trim()), Is.GreaterThanOrEqualTo(2));
        await page.ClickAsync("text=Nộp lưu");
        await BrowserFixture.ReachAsync(page, "/nop-luu");
        var rows = await page.Locator("[data-test=due] tbody tr").AllTextContentsAsync();
        Assert.That(rows, Has.Some.Contains(OldDossier).And.Some.Contains("31/12/2016 (quá hạn)")
            .And.Some.Contains("nộp lưu vào Lưu trữ cơ quan"));
        Assert.That(rows, Has.Some.Contains("hết thời hạn bảo quản"));
        await BrowserFixture.ScreenshotAsync(page, "nop-luu");
        var api = await page.GotoAsync("/api/v1/transfers/due");
        var due = JsonDocument.Parse(await api!.TextAsync()).RootElement.EnumerateArray().ToList();
        Assert.That(due.Where(d => d.GetProperty("dossier").GetString() == OldDossier).Select(d => d.GetProperty("dueDate").GetString()),
            Is.EquivalentTo(new[] { "2016-12-31", "2025-12-31" }));
        Assert.That(due.All(d => d.GetProperty("overdue").GetBoolean() || d.GetProperty("dossier").GetString() != OldDossier));

        var (officerContext, officerPage, _) = await BrowserFixture.OpenAsync(_server.BaseUrl);
        await using var officerLifetime = officerContext;
        await SignInAsync(officerPage, "vthu");
        Assert.That(await officerPage.Locator("a.nav-link", new() { HasTextString = "Nộp lưu" }).CountAsync(), Is.Zero);
        Assert.That(await officerPage.Locator("[data-test=transfers-due]").CountAsync(), Is.Zero);
        var refused = await officerPage.GotoAsync("/nop-luu");
        Assert.That(refused!.Status, Is.EqualTo(403));
    }
}
