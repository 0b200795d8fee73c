using Archive.Ingest.Records;
using Archive.Tests.Support;
using Archive.Tests.Web.Browser;
using Microsoft.Playwright;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Issuing in the workplace, each step in the browser by the one whose step it is: a specialist drafts and presents to the leader,
/// the leader uploads the file they signed (by pdfsig here), the records officer numbers and seals it with the agency key the
/// server is configured with, issues it, records a recipient's status message; the outgoing register shows it and exports XLSX.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class OutgoingInTheBrowserTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [Test]
    public async Task A_draft_is_presented_signed_numbered_issued_and_registered_in_the_browser()
    {
        await SignatureFixtures.TrustInAsync(Data.Path);
        foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("ctich", "lanh-dao"), ("cvien", "chuyen-vien") })
            await CopyCommandTests.CreateUserAsync(Data, login, role);
        var today = DateTime.Now;
        var draft = Data.File("du-thao.pdf");
        await File.WriteAllBytesAsync(draft, await new RecordPdf().WriteAsync(
            ["ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "Số:          /UBND-VP", $"Hà Tĩnh, ngày {today:dd} tháng {today:MM} năm {today:yyyy}", "",
             "Về việc kiểm tra công tác văn thư"], CancellationToken.None));
        var signed = Data.File("da-ky.pdf");
        Pdfsig.Sign(draft, signed, "personal");
        await using var server = await ServerProcess.StartAsync(Data.Path, new Dictionary<string, string>
        {
            ["ARCHIVE__Archive__Copies__Key__Pkcs12File"] = Path.Combine(SignatureFixtures.Pki, "organisation.p12"),
            ["ARCHIVE_COPY_KEY_PASSWORD"] = "test",
        });

        var (drafterContext, drafter, drafterErrors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var drafterLifetime = drafterContext;
        {
            await SignInAsync(drafter, "cvien");
            await drafter.GotoAsync("/phat-hanh");
            await drafter.SetInputFilesAsync("#file", draft);
            await drafter.FillAsync("#notation", "UBND-VP");
            await drafter.FillAsync("#subject", "Về việc kiểm tra công tác văn thư");
            await drafter.FillAsync("#dossier", DemoDossier.Code);
            await drafter.FillAsync("#recipients", "000.00.01.H42=Sở Nội vụ\n000.00.02.H42=Sở Tư pháp");
            await drafter.SelectOptionAsync("[data-test=draft-signer]", "ctich");
            await drafter.ClickAsync("[data-test=draft]");
            Assert.That(await drafter.TextContentAsync("[data-test=done]"), Does.Contain("trình ctich ký"));
            Assert.That(drafterErrors, Is.Empty);
        }

        var (leaderContext, leader, leaderErrors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using (leaderContext)
        {
            await SignInAsync(leader, "ctich");
            await leader.GotoAsync("/");
            Assert.That(await leader.TextContentAsync("[data-test=outgoing-waiting]"), Is.EqualTo("1"), "the home page's notice");
            await BrowserFixture.ScreenshotAsync(leader, "trang-chu-van-ban-di");
            await leader.GotoAsync("/phat-hanh");
            await leader.FillAsync("[data-outgoing] input[name=note]:visible", "Sửa lại trích yếu cho ngắn gọn");
            await leader.ClickAsync("[data-test=return]");
            Assert.That(await leader.TextContentAsync("[data-test=done]"), Does.Contain("Đã trả lại"));

            // The drafter sees the returned draft on their home page, puts a new version and presents it again.
            await drafter.GotoAsync("/");
            Assert.That(await drafter.TextContentAsync("[data-test=outgoing-waiting]"), Is.EqualTo("1"));
            await drafter.GotoAsync("/phat-hanh");
            await drafter.SetInputFilesAsync("[data-test=revise-file]", draft);
            await drafter.ClickAsync("[data-test=revise]");
            Assert.That(await drafter.TextContentAsync("[data-test=done]"), Does.Contain("Đã lưu dự thảo mới"));
            await drafter.ClickAsync("[data-test=submit]");
            Assert.That(await drafter.TextContentAsync("[data-test=done]"), Does.Contain("Đã trình ctich ký"));
            Assert.That(drafterErrors, Is.Empty);

            await leader.GotoAsync("/phat-hanh");
            Assert.That(await leader.Locator("[data-test=history] li").AllTextContentsAsync(), Has.Some.Contains("Trả lại dự thảo")
                .And.Some.Contains("Sửa lại trích yếu"), "the return and its reason are kept");
            await leader.SetInputFilesAsync("[data-test=signed-file]", draft);
            await leader.ClickAsync("[data-test=signed]");
            Assert.That(await leader.TextContentAsync("[data-test=problem]"), Does.Contain("không có chữ ký số"), "an unsigned file");
            await leader.SetInputFilesAsync("[data-test=signed-file]", signed);
            await leader.ClickAsync("[data-test=signed]");
            Assert.That(await leader.TextContentAsync("[data-test=done]"), Does.Contain("Nguyễn Văn An"));
            Assert.That(leaderErrors, Is.Empty);
        }

        var (officerContext, officer, officerErrors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var officerLifetime = officerContext;
        await SignInAsync(officer, "vthu");
        await officer.GotoAsync("/phat-hanh");
        await officer.ClickAsync("[data-test=number]");
        Assert.That(await officer.TextContentAsync("[data-test=done]"), Does.Contain("Đã cấp số 01/UBND-VP"));
        await officer.ClickAsync("[data-test=issue]");
        Assert.That(await officer.TextContentAsync("[data-test=done]"), Does.Contain("tới 2 nơi nhận"));
        var id = await officer.GetAttributeAsync("[data-outgoing]", "data-outgoing");
        var shown = await (await officer.APIRequest.GetAsync($"/api/v1/outgoing/{id}")).TextAsync();
        var exchangeId = System.Text.Json.JsonDocument.Parse(shown).RootElement.GetProperty("exchangeId").GetString();
        var status = Data.File("tiep-nhan.xml");
        await File.WriteAllTextAsync(status, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLHeader><Status>
              <ResponseFor><DocumentId>{exchangeId}</DocumentId></ResponseFor>
              <From><OrganId>000.00.01.H42</OrganId></From><StatusCode>03</StatusCode><Description>Đã tiếp nhận</Description>
              <Timestamp>{DateTimeOffset.Now.AddMinutes(1):yyyy-MM-dd'T'HH:mm:sszzz}</Timestamp>
            </Status></edXMLHeader></edXMLEnvelope>
            """);
        await officer.SetInputFilesAsync("#status-file", status);
        await officer.ClickAsync("[data-test=status]");
        Assert.That(await officer.Locator("[data-test=delivery]").AllTextContentsAsync(), Is.EqualTo(new[] { "đã tiếp nhận", "đã gửi" }));
        await BrowserFixture.ScreenshotAsync(officer, "phat-hanh");

        await officer.GotoAsync("/so-van-ban-di");
        var row = await officer.TextContentAsync("[data-test=register] tbody tr");
        Assert.That(row, Does.Contain("01/UBND-VP").And.Contain("Nguyễn Văn An").And.Contain("Sở Nội vụ (đã tiếp nhận)"));
        await BrowserFixture.ScreenshotAsync(officer, "so-van-ban-di");
        var xlsx = await officer.APIRequest.GetAsync($"/api/v1/registers/outgoing.xlsx?year={today.Year}");
        Assert.That((xlsx.Status, (await xlsx.BodyAsync()).Take(2)), Is.EqualTo((200, "PK"u8.ToArray())));

        await officer.GotoAsync("/thong-ke");
        var agency = officer.Locator($"[data-test=agencies] tr[data-agency='{DemoDossier.Agency}'] td");
        Assert.That((await agency.AllTextContentsAsync()).Skip(1).Take(2), Is.EqualTo(new[] { "1", "0" }), "one sent, none received");
        await officer.WaitForFunctionAsync("() => document.querySelector('[data-test=stats-chart]')?.dataset.rendered");
        await BrowserFixture.ScreenshotAsync(officer, "thong-ke");
        var statistics = await officer.APIRequest.GetAsync($"/api/v1/statistics/report.xlsx?from={today.Year}-01-01");
        Assert.That((statistics.Status, (await statistics.BodyAsync()).Take(2)), Is.EqualTo((200, "PK"u8.ToArray())));
        Assert.That(officerErrors, Is.Empty);
    }

    private static Task SignInAsync(IPage page, string login) => BrowserFixture.SignInAsync(page, login, CopyCommandTests.Password);
}
