using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>Bad input through the web API: each a problem document or an outcome naming the problem in Vietnamese, nothing lost.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class WebBadInputTests(CatalogEngine engine)
{
    [Test]
    public async Task An_empty_file_a_hostile_pdf_wrong_metadata_a_broken_query_and_a_missing_id_each_get_a_named_answer()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var token = await ServeTests.TokenAsync(data.Path, "vthu", "van-thu", "doc", "ghi");
        await using var server = await ServerProcess.StartAsync(data.Path);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var empty = await UploadAsync(http, "rong.pdf", [], null);
        Assert.That(empty.GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(empty.GetProperty("reasons")[0].GetString(), Does.Contain("rỗng").Or.Contain("0 byte"));

        var hostile = "%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"u8
            .ToArray();
        var script = await UploadAsync(http, "nguy-hiem.pdf", hostile, null);
        Assert.That(script.GetProperty("status").GetString(), Is.EqualTo("rejected"), script.ToString());

        var wrongField = await http.PostAsync("/api/v1/inbox", Form("van-ban.pdf", hostile, """{"Tittle":"lỗi chính tả"}"""));
        Assert.That(wrongField.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Detail(wrongField), Does.Contain("Tittle"));

        var query = JsonDocument.Parse(await http.GetStringAsync("/api/v1/search?q=ngay:%5B2019-13-45%20TO%20x%5D")).RootElement;
        Assert.That(query.GetProperty("notices")[0].GetString(), Does.Contain("không hợp lệ"));

        Assert.That((await http.GetAsync("/api/v1/documents/khong-co")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var missing = await http.GetAsync("/api/v1/documents/khong-co/original");
        Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Detail(missing), Does.Contain("khong-co"));

        // What the framework refuses before any service sees it is named in Vietnamese too.
        // Announced with Expect: 100-continue, as a well-behaved client does, so that the refusal comes before the body is sent.
        using var tooLarge = new HttpRequestMessage(HttpMethod.Post, "/api/v1/dossiers")
        {
            Content = new StringContent($"{{\"Title\":\"{new string('x', 31 << 20)}\"}}", System.Text.Encoding.UTF8, "application/json"),
            Headers = { ExpectContinue = true },
        };
        var oversized = await http.SendAsync(tooLarge);
        Assert.That(oversized.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await Detail(oversized), Does.Contain("vượt quá giới hạn"));
        var notJson = await http.PostAsync("/api/v1/dossiers",
            new StringContent("{Title: ", System.Text.Encoding.UTF8, "application/json"));
        Assert.That(notJson.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await Detail(notJson), Does.Contain("JSON"));
        var nowhere = await http.GetAsync("/api/v1/khong-co");
        Assert.That(nowhere.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await Detail(nowhere), Does.Contain("/api/v1/khong-co"));
        var page = await http.GetAsync("/trang-khong-co");
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("Không tìm thấy").And.Not.Contain("Exception"));

        // Nothing received was dropped: both files the checks refused are kept in the inbox with their reasons.
        var inbox = JsonDocument.Parse(await http.GetStringAsync("/api/v1/inbox")).RootElement;
        Assert.That(inbox.EnumerateArray().Select(i => i.GetProperty("sourceName").GetString()), Is.SupersetOf(new[] { "rong.pdf", "nguy-hiem.pdf" }));
    }

    private static async Task<JsonElement> UploadAsync(HttpClient http, string name, byte[] content, string? metadata)
    {
        var response = await http.PostAsync("/api/v1/inbox", Form(name, content, metadata));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        return JsonDocument.Parse(body).RootElement[0];
    }

    private static MultipartFormDataContent Form(string name, byte[] content, string? metadata)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "files", name } };
        if (metadata is not null) form.Add(new StringContent(metadata), "metadata");
        return form;
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;
}
