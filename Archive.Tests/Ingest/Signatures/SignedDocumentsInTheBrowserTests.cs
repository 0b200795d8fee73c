using System.Security.Cryptography;
using Archive.Tests.Support;
using Archive.Tests.Web.Browser;
using Microsoft.Playwright;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// The records officer's day in a real browser: signed documents uploaded, judged in the inbox, accepted, read, found and
/// downloaded unchanged. (In this namespace for the test PKI and its signed documents.)
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SignedDocumentsInTheBrowserTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Password = "Van-thu-2019-HT";

    [Test]
    public async Task Upload_a_valid_and_a_tampered_document_accept_the_valid_one_read_find_and_download_it()
    {
        await SignatureFixtures.TrustInAsync(Data.Path);
        var created = await Cli.RunWithInputAsync(Password + "\n", "user", "create", "vthu", "--full-name", "Văn thư cơ quan",
            "--agency", DemoDossier.Agency, "--role", "van-thu", "--password-stdin", "--data", Data.Path);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        var valid = Data.File("quyet-dinh-ky-so.pdf");
        File.Copy(SignatureFixtures.SignedFile("issued.pdf"), valid);
        var tampered = Data.File("quyet-dinh-bi-sua.pdf");
        var bytes = await File.ReadAllBytesAsync(valid);
        var at = System.Text.Encoding.Latin1.GetString(bytes).IndexOf("/MediaBox", StringComparison.Ordinal);
        bytes[at + 12] = (byte)(bytes[at + 12] == (byte)'1' ? '2' : '1'); // inside the signed ranges
        await File.WriteAllBytesAsync(tampered, bytes);
        await using var server = await ServerProcess.StartAsync(Data.Path);
        var (context, page, errors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var contextLifetime = context;

        await page.GotoAsync("/dang-nhap");
        await page.FillAsync("#login", "vthu");
        await page.FillAsync("#password", Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ReachAsync(page, "/");

        // Tiếp nhận: two files, with their metadata, each with its progress and its outcome.
        await page.GotoAsync("/tiep-nhan");
        await page.SetInputFilesAsync("#files", [valid, tampered]);
        await page.FillAsync("#metadata", """
            {"quyet-dinh-ky-so.pdf": {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"41",
               "CodeNotation":"QĐ-UBND","IssuedDate":"2019-04-12","Subject":"Ban hành quy chế văn bản ký số","PageAmount":1},
             "quyet-dinh-bi-sua.pdf": {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"42",
               "CodeNotation":"QĐ-UBND","IssuedDate":"2019-04-12","Subject":"Văn bản bị sửa sau khi ký","PageAmount":1}}
            """);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#outcomes[data-done=true]");
        var statuses = await page.Locator("[data-test=outcome]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.status)");
        Assert.That(statuses, Is.EqualTo(new[] { "pending", "rejected" }), await page.TextContentAsync("#outcomes"));
        Assert.That(await page.TextContentAsync("#outcomes"), Does.Contain("HASH_FAILURE"));
        await BrowserFixture.ScreenshotAsync(page, "tiep-nhan");

        // Chờ lưu trữ: one valid, one invalid with its reason; the valid one is accepted into the dossier.
        await page.GotoAsync("/cho-luu-tru");
        Assert.That(await page.Locator("[data-test=inbox-item]").CountAsync(), Is.EqualTo(2));
        await page.FillAsync("#tim", "bi sua");
        await page.ClickAsync("[data-test=inbox-filter] button");
        Assert.That(await page.Locator("[data-test=inbox-item]").AllTextContentsAsync(),
            Has.Count.EqualTo(1).And.Some.Contain("quyet-dinh-bi-sua.pdf"), "the filter finds by file name, without diacritics");
        await page.GotoAsync("/cho-luu-tru");
        await page.ClickAsync("[data-test=inbox-item]:has-text('quyet-dinh-bi-sua.pdf')");
        Assert.That(await page.TextContentAsync("[data-test=reasons]"), Does.Contain("HASH_FAILURE"));
        Assert.That(await page.TextContentAsync("[data-test=indication]"), Does.Contain("không hợp lệ").And.Contain("TOTAL_FAILED"));
        Assert.That(await page.TextContentAsync("[data-test=sub-indication]"), Does.Contain("bị thay đổi"));
        await page.ClickAsync("[data-test=inbox-item]:has-text('quyet-dinh-ky-so.pdf')");
        Assert.That(await page.TextContentAsync("[data-test=indication]"), Does.Contain("hợp lệ (TOTAL_PASSED)"));
        var signatures = await page.Locator("[data-test=signature]").AllTextContentsAsync();
        Assert.That(signatures, Has.Some.Contain("Chữ ký của người có thẩm quyền").And.Some.Contain("Chữ ký của cơ quan, tổ chức"));
        Assert.That(signatures, Has.All.Match(@"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}"), "signing times as dd/MM/yyyy HH:mm:ss");
        Assert.That(await page.TextContentAsync("[data-test=rules]"), Does.Contain("Không có thay đổi trái phép sau khi ký: đạt"));
        await BrowserFixture.ScreenshotAsync(page, "cho-luu-tru");
        await page.SelectOptionAsync("#dossier", DemoDossier.Code);
        await page.ClickAsync("button:has-text('Tiếp nhận')");
        await page.WaitForSelectorAsync("[data-test=message], [data-test=problem]");
        Assert.That(await page.TextContentAsync("main .alert"), Does.Contain("số đến 1").And.Contain("PDF/A"));

        // Văn bản: the PDF/A drawn, the original downloaded with the uploaded SHA-256.
        await page.GotoAsync($"/ho-so/{DemoDossier.Code}");
        await page.ClickAsync("a:has-text('Ban hành quy chế văn bản ký số')");
        Assert.That(await BrowserFixture.InkOnFirstPageAsync(page), Is.GreaterThan(100), "a drawn page, not a blank canvas");
        await BrowserFixture.ScreenshotAsync(page, "van-ban-ky-so");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=download-original]"));
        await using (var stream = await download.CreateReadStreamAsync())
            Assert.That(Convert.ToHexStringLower(await SHA256.HashDataAsync(stream)),
                Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(valid)))));

        // Sổ văn bản đến: the accepted document under its arrival number, and the same in the XLSX export (read as plain OOXML).
        await page.GotoAsync("/so-van-ban-den");
        Assert.That(await page.TextContentAsync("[data-test=register] tbody"), Does.Contain("41/QĐ-UBND").And.Contain("Ban hành quy chế"));
        await BrowserFixture.ScreenshotAsync(page, "so-van-ban-den");
        var workbook = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-test=xlsx]"));
        var saved = Data.File("so-van-ban-den.xlsx");
        await workbook.SaveAsAsync(saved);
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(saved);
            var sheets = string.Concat(zip.Entries.Where(e => e.FullName.StartsWith("xl/", StringComparison.Ordinal) && e.Name.EndsWith(".xml"))
                .Select(e => new StreamReader(e.Open()).ReadToEnd()));
            Assert.That(sheets, Does.Contain("Số đến").And.Contain("41/QĐ-UBND").And.Contain("Ban hành quy chế văn bản ký số"));
        }

        // Tìm kiếm without diacritics.
        await page.GotoAsync("/tim-kiem?q=quy%20che%20van%20ban%20ky%20so");
        Assert.That(await page.Locator("[data-test=hit]").CountAsync(), Is.EqualTo(1));

        await page.ClickAsync("nav button:has-text('Đăng xuất')");
        await BrowserFixture.ReachAsync(page, "/dang-nhap");
        Assert.That(errors, Is.Empty);
    }
}
