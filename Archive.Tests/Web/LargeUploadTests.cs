using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>
/// A 1 GiB file uploaded through the API is streamed to disk, never held in memory: the server's peak resident set stays bounded,
/// and what is stored re-hashes to what was sent. The bound is on memory, never on time.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class LargeUploadTests(CatalogEngine engine)
{
    private const long OneGiB = 1L << 30;
    private const long PeakRssBoundKiB = 512 * 1024;

    [Test]
    public async Task A_1_GiB_upload_is_received_in_bounded_memory_and_stored_intact()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var token = await ServeTests.TokenAsync(data.Path, "vthu", "van-thu", "doc", "ghi");
        var pdf = LargePdf.Write(Path.Combine(data.Path, "..", $"{Path.GetFileName(data.Path)}-ho-so-lon.pdf"), OneGiB);
        try
        {
            string sent;
            await using (var original = File.OpenRead(pdf)) sent = Convert.ToHexStringLower(await SHA256.HashDataAsync(original));
            await using var server = await ServerProcess.StartAsync(data.Path);
            using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromMinutes(10) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var before = server.PeakResidentKiB();

            await using var content = File.OpenRead(pdf);
            using var form = new MultipartFormDataContent
            {
                { new StreamContent(content, 1 << 20), "files", "ho-so-lon.pdf" },
                {
                    new StringContent("""{"TypeName":"Công văn","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Hồ sơ rất lớn"}"""),
                    "metadata"
                },
            };
            var response = await http.PostAsync("/api/v1/inbox", form);
            var body = await response.Content.ReadAsStringAsync();
            var peak = server.PeakResidentKiB();
            await TestContext.Out.WriteLineAsync($"1 GiB upload: server peak RSS {before / 1024} MiB before, {peak / 1024} MiB after");

            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            var outcome = JsonDocument.Parse(body).RootElement[0];
            Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("pending").Or.EqualTo("accepted"), body);
            var item = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/inbox/{outcome.GetProperty("inboxId").GetString()}"))
                .RootElement;
            Assert.That(item.GetProperty("digest").GetString(), Is.EqualTo(sent), "what is stored is what was sent");
            Assert.That(item.GetProperty("length").GetInt64(), Is.EqualTo(new FileInfo(pdf).Length));
            Assert.That(peak, Is.LessThan(PeakRssBoundKiB), $"peak RSS {peak} KiB");
        }
        finally
        {
            File.Delete(pdf);
        }
    }
}
