using System.Net;
using System.Text.Json;
using Archive.Tests.Support;
using Archive.Tests.Web.Browser;
using Microsoft.Playwright;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// A certified copy in the workplace: a records officer asks for it from the document's page, a leader approves it, the officer
/// makes it with the agency key the server is configured with and downloads it (pdfsig: valid, trusted); then anyone, signed in
/// or not, checks it on the public verification page by file or by code, and the API says the same.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class CopiesInTheBrowserTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [Test]
    public async Task A_copy_is_asked_for_approved_made_downloaded_and_verified_on_the_public_page()
    {
        await SignatureFixtures.TrustInAsync(Data.Path);
        var document = await CopyCommandTests.IngestSignedDocumentAsync(Data);
        await CopyCommandTests.CreateUserAsync(Data, "vthu", "van-thu");
        await CopyCommandTests.CreateUserAsync(Data, "ldao", "lanh-dao");
        await using var server = await ServerProcess.StartAsync(Data.Path, new Dictionary<string, string>
        {
            ["ARCHIVE__Archive__Copies__Key__Pkcs12File"] = Path.Combine(SignatureFixtures.Pki, "organisation.p12"),
            ["ARCHIVE_COPY_KEY_PASSWORD"] = "test",
        });

        var (officerContext, officer, officerErrors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var officerLifetime = officerContext;
        await SignInAsync(officer, "vthu");
        await officer.GotoAsync($"/van-ban/{document}");
        await officer.ClickAsync("[data-test=request-copy]");
        await officer.FillAsync("#Purpose", "Cung cấp hồ sơ vụ án");
        await officer.FillAsync("#Recipient", "Tòa án nhân dân tỉnh Hà Tĩnh");
        await officer.ClickAsync("[data-test=copy-request] button[type=submit]");
        // Committed is enough: the assertions below wait for what they read (waiting for "load" timed out once on a busy machine).
        await officer.WaitForURLAsync(url => url.Contains("/ban-sao", StringComparison.Ordinal)
                                             && !url.Contains("yeu-cau", StringComparison.Ordinal),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        Assert.That(await officer.TextContentAsync("[data-test=status]"), Does.Contain("Chờ phê duyệt"));
        Assert.That(await officer.Locator("[data-test=approve]").CountAsync(), Is.Zero, "a records officer does not approve");

        var (leaderContext, leader, leaderErrors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using (leaderContext)
        {
            await SignInAsync(leader, "ldao");
            await leader.GotoAsync("/ban-sao");
            await leader.ClickAsync("[data-test=approve]");
            Assert.That(await leader.TextContentAsync("[data-test=done]"), Does.Contain("Đã duyệt"));
            Assert.That(leaderErrors, Is.Empty);
        }

        await officer.GotoAsync("/ban-sao");
        await officer.ClickAsync("[data-test=make]");
        Assert.That(await officer.TextContentAsync("[data-test=done]"), Does.Contain("Đã cấp SAO Y số 01/SY"));
        await BrowserFixture.ScreenshotAsync(officer, "ban-sao");
        var download = await officer.RunAndWaitForDownloadAsync(() => officer.ClickAsync("[data-test=download]"));
        var copy = Data.File("ban-sao-tai-ve.pdf");
        await download.SaveAsAsync(copy);
        Assert.That(download.SuggestedFilename, Is.EqualTo("ban-sao-01-SY.pdf"));
        var verdict = Pdfsig.Verify(copy).Single();
        Assert.That(verdict.SignatureValid && verdict.CertificateValidation.StartsWith("Certificate is Trusted", StringComparison.Ordinal),
            verdict.ToString());
        var requests = JsonDocument.Parse(await (await officer.APIRequest.GetAsync("/api/v1/copies")).TextAsync()).RootElement;
        Assert.That(requests[0].GetProperty("status").GetString(), Is.EqualTo("made"));
        Assert.That(officerErrors, Is.Empty);

        // Nobody signed in: the file, a changed file, the code the QR code carries.
        var (publicContext, visitor, visitorErrors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var publicLifetime = publicContext;
        await visitor.GotoAsync("/xac-thuc");
        await visitor.SetInputFilesAsync("#file", copy);
        await visitor.ClickAsync("[data-test=by-file] button");
        Assert.That(await visitor.TextContentAsync("[data-test=notation]"), Is.EqualTo("01/SY"));
        Assert.That(await visitor.TextContentAsync("[data-test=verified]"), Does.Contain("chưa bị sửa đổi")
            .And.Not.Contain("Tòa án").And.Not.Contain("vụ án"), "nothing of the request or the content is told");
        await BrowserFixture.ScreenshotAsync(visitor, "xac-thuc");
        var bytes = await File.ReadAllBytesAsync(copy);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(Data.File("ban-sao-da-sua.pdf"), bytes);
        await visitor.SetInputFilesAsync("#file", Data.File("ban-sao-da-sua.pdf"));
        await visitor.ClickAsync("[data-test=by-file] button");
        Assert.That(await visitor.TextContentAsync("[data-test=not-verified]"), Does.Contain("đã bị sửa đổi sau khi ký"));
        var code = requests[0].GetProperty("verificationCode").GetString();
        await visitor.GotoAsync($"/xac-thuc?ma={code}");
        Assert.That(await visitor.TextContentAsync("[data-test=notation]"), Is.EqualTo("01/SY"));
        Assert.That(visitorErrors, Is.Empty);

        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        using var byFile = new MultipartFormDataContent();
        byFile.Add(new ByteArrayContent(await File.ReadAllBytesAsync(copy)), "file", "ban-sao.pdf");
        var verified = await http.PostAsync("/api/v1/copy-verifications", byFile);
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK), await verified.Content.ReadAsStringAsync());
        Assert.That(JsonDocument.Parse(await verified.Content.ReadAsStringAsync()).RootElement.GetProperty("notation").GetString(),
            Is.EqualTo("01/SY"));
        using var wrongCode = new FormUrlEncodedContent([new("code", "0000000000AA")]);
        Assert.That((await http.PostAsync("/api/v1/copy-verifications", wrongCode)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await http.GetAsync("/api/v1/copies")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized),
            "only verification is public");
    }

    private static Task SignInAsync(IPage page, string login) => BrowserFixture.SignInAsync(page, login, CopyCommandTests.Password);
}
