using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>
/// Danh mục hồ sơ through the API over a real Kestrel: each TT 02 error under its field, the revision as ETag, a lost update
/// refused with 412, close and reopen, and nothing shown to a specialist without a grant.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class DossierApiTests(CatalogEngine engine)
{
    [Test]
    public async Task Dossiers_are_created_edited_with_if_match_closed_and_reopened_and_a_lost_update_gets_412()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var officer = await ServeTests.TokenAsync(data.Path, "vthu", "van-thu", "doc", "ghi");
        var specialist = await ServeTests.TokenAsync(data.Path, "cvien", "chuyen-vien", "doc", "ghi");
        await using (var server = await ServerProcess.StartAsync(data.Path))
            await EditAsync(server, officer, specialist);

        var audit = (await Cli.RunAsync("audit", "list", "--json", "--data", data.Path)).Stdout;
        Assert.That(audit, Does.Contain("dossier.edit").And.Contain("Hồ sơ công văn đi của Văn phòng năm 2026"));
        Assert.That(audit, Does.Not.Contain("Bản sửa của người thứ hai"), "the refused edit changed nothing");
    }

    private static async Task EditAsync(ServerProcess server, string officer, string specialist)
    {
        using var http = Client(server, officer);

        var refused = await http.PostAsJsonAsync("/api/v1/dossiers", new Dictionary<string, object>
        {
            ["OrganId"] = DemoDossier.Agency, ["FileCatalog"] = 2026, ["FileNotation"] = "02.VP", ["Maintenance"] = "11 năm",
        });
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await Json(refused)).GetProperty("errors");
        Assert.That(errors.GetProperty("Title")[0].GetString(), Does.StartWith("Tiêu đề hồ sơ").And.Contain("bắt buộc"));
        Assert.That(errors.GetProperty("Maintenance")[0].GetString(), Does.Contain("11 năm"));
        Assert.That((await http.GetAsync("/api/v1/dossiers/000.00.00.H42.2026.02.VP")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound),
            "nothing half-made was kept");

        var created = await http.PostAsJsonAsync("/api/v1/dossiers", new Dictionary<string, object>
        {
            ["OrganId"] = DemoDossier.Agency, ["FileCatalog"] = 2026, ["FileNotation"] = "02.VP", ["Maintenance"] = "10 năm",
            ["Title"] = "Hồ sơ công văn đi năm 2026",
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        Assert.That(created.Headers.Location!.ToString(), Is.EqualTo("/api/v1/dossiers/000.00.00.H42.2026.02.VP"));
        var url = created.Headers.Location.ToString();

        var read = await http.GetAsync(url);
        var first = read.Headers.ETag!;
        Assert.That(first, Is.EqualTo(created.Headers.ETag), "the ETag of what was created is the one read back");

        var unconditional = await http.PutAsJsonAsync(url, Description("Hồ sơ công văn đi"));
        Assert.That(unconditional.StatusCode, Is.EqualTo((HttpStatusCode)428), "an edit must say which version it started from");

        var edited = await Put(http, url, first, Description("Hồ sơ công văn đi của Văn phòng năm 2026"));
        Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.OK), await edited.Content.ReadAsStringAsync());
        Assert.That(edited.Headers.ETag, Is.Not.EqualTo(first));
        Assert.That((await Json(edited)).GetProperty("title").GetString(), Is.EqualTo("Hồ sơ công văn đi của Văn phòng năm 2026"));

        // A second editor who read before the first saved is told, and the first one's words stay.
        var lost = await Put(http, url, first, Description("Bản sửa của người thứ hai"));
        Assert.That(lost.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await Json(lost)).GetProperty("detail").GetString(), Does.Contain("đã được sửa"));
        var after = await Json(await http.GetAsync(url));
        Assert.That(after.GetProperty("dossier").GetProperty("title").GetString(), Is.EqualTo("Hồ sơ công văn đi của Văn phòng năm 2026"));

        var codeChanged = await Put(http, url, edited.Headers.ETag!,
            new Dictionary<string, object>(Description("x")) { ["FileNotation"] = "03.VP" });
        Assert.That(codeChanged.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Json(codeChanged)).GetProperty("errors").GetProperty("FileNotation")[0].GetString(),
            Does.Contain("không sửa được"));

        var closed = await http.PostAsync($"{url}/close", null);
        Assert.That((await Json(closed)).GetProperty("status").GetString(), Is.EqualTo("closed"));
        var closedEdit = await Put(http, url, closed.Headers.ETag!, Description("Sửa khi đã đóng"));
        Assert.That(closedEdit.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await Json(closedEdit)).GetProperty("detail").GetString(), Does.Contain("mở lại"));
        var noReason = await http.PostAsJsonAsync($"{url}/reopen", new { reason = " " });
        Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var reopened = await http.PostAsJsonAsync($"{url}/reopen", new { reason = "Bổ sung công văn tháng 12" });
        Assert.That((await Json(reopened)).GetProperty("reopenReason").GetString(), Is.EqualTo("Bổ sung công văn tháng 12"));

        var list = await Json(await http.GetAsync("/api/v1/dossiers?size=1&page=2"));
        Assert.That(list.GetProperty("total").GetInt32(), Is.EqualTo(2));
        Assert.That(list.GetProperty("items").GetArrayLength(), Is.EqualTo(1));

        using var outsider = Client(server, specialist);
        Assert.That((await outsider.GetAsync(url)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Json(await outsider.GetAsync("/api/v1/dossiers"))).GetProperty("total").GetInt32(), Is.Zero);
        var outsiderEdit = await Put(outsider, url, reopened.Headers.ETag!, Description("Không được sửa"));
        Assert.That(outsiderEdit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

    }

    private static HttpClient Client(ServerProcess server, string token) => new()
    {
        BaseAddress = new Uri(server.BaseUrl), DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private static Dictionary<string, object> Description(string title) => new() { ["Title"] = title, ["Maintenance"] = "10 năm" };

    private static Task<HttpResponseMessage> Put(HttpClient http, string url, EntityTagHeaderValue tag, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(tag);
        return http.SendAsync(request);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
