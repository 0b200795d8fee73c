using System.Diagnostics;
using System.Text.Json;
using Archive.Tests.Support;
using Microsoft.Playwright;

namespace Archive.Tests.Web.Browser;

/// <summary>The sign-in pages in a real browser: the first administrator's way in, and what a browser must refuse to run.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SignInPageTests(CatalogEngine engine)
{
    private const string NewPassword = "Quan-tri-2019-HT";

    [Test]
    public async Task The_first_administrator_signs_in_changes_the_one_time_password_reaches_the_home_page_and_signs_out()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        var demo = await Cli.RunAsync("demo", "--json", "--data", data.Path);
        var oneTime = demo.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement).Single(e => e.TryGetProperty("oneTimePassword", out var __))
            .GetProperty("oneTimePassword").GetString()!;
        await using var server = await ServerProcess.StartAsync(data.Path);
        var (context, page, errors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var contextLifetime = context;

        await page.GotoAsync("/");
        Assert.That(page.Url, Does.Contain("/dang-nhap"), "the unsigned are sent to the sign-in page");
        await BrowserFixture.ScreenshotAsync(page, "dang-nhap");

        await page.FillAsync("#login", "admin");
        await page.FillAsync("#password", "Sai-mat-khau-1");
        await page.ClickAsync("button[type=submit]");
        Assert.That(await page.Locator("[role=alert]").TextContentAsync(), Does.Contain("không đúng"));

        await page.FillAsync("#password", oneTime);
        await page.ClickAsync("button[type=submit]");
        await BrowserFixture.ReachAsync(page, "/doi-mat-khau");
        Assert.That(await page.TextContentAsync("main"), Does.Contain("mật khẩu dùng một lần"));
        await BrowserFixture.ScreenshotAsync(page, "doi-mat-khau");

        await page.FillAsync("#current", oneTime);
        await page.FillAsync("#new", NewPassword);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ReachAsync(page, "/");
        Assert.That(await page.TextContentAsync("h1"), Does.Contain("Quản trị hệ thống"));
        Assert.That(await page.Locator("[data-test=alerts]").CountAsync(), Is.EqualTo(1), "an administrator sees the alerts");
        await BrowserFixture.ScreenshotAsync(page, "trang-chu");

        await page.GotoAsync("/bao-quan");
        Assert.That(await page.TextContentAsync("[data-test=alerts]"), Does.Contain("thay đổi quyền").And.Contain("admin"),
            "creating the first administrator is a change of rights the administrators are warned of");
        await BrowserFixture.ScreenshotAsync(page, "bao-quan");

        await page.ClickAsync("nav button:has-text('Đăng xuất')");
        await BrowserFixture.ReachAsync(page, "/dang-nhap");
        await page.GotoAsync("/");
        Assert.That(page.Url, Does.Contain("/dang-nhap"), "signed out");
        Assert.That(errors, Is.Empty, "no script error and no Content-Security-Policy violation");
    }

    [Test]
    public async Task The_pages_work_on_a_phone_sized_screen()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await Cli.RunAsync("init", "--data", data.Path);
        await using var server = await ServerProcess.StartAsync(data.Path);
        var (context, page, errors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var contextLifetime = context;
        await page.SetViewportSizeAsync(390, 844);

        await page.GotoAsync("/dang-nhap");
        var form = await page.Locator("form").BoundingBoxAsync();
        Assert.That(form!.Width, Is.LessThanOrEqualTo(390), "the form fits the screen");
        await BrowserFixture.ScreenshotAsync(page, "dang-nhap-dien-thoai");
        Assert.That(errors, Is.Empty);
    }
}
