using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>Document pages take turns (ReadAdmission), searches too (SearchAdmission): many at once all wait and are answered.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ReadAdmissionTests(CatalogEngine engine)
{
    [Test]
    public async Task With_one_read_at_a_time_many_searches_and_document_pages_at_once_are_all_answered()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        using var files = new TempFolder("pdf");
        await DemoDossier.CreateAsync(data.Path);
        for (var i = 1; i <= 3; i++)
        {
            var file = SamplePdf.Write(Path.Combine(files.Path, $"quyet-dinh-{i}.pdf"), $"Quyet dinh so {i} ve van ban dien tu");
            var added = await Cli.RunAsync(DemoDossier.AddDocument(file, data.Path, codeNumber: $"0{i}"));
            Assert.That(added.ExitCode, Is.Zero, added.ToString());
        }
        var officer = await ServeTests.TokenAsync(data.Path, "vthu", "van-thu", "doc");
        await using var server = await ServerProcess.StartAsync(data.Path,
            new Dictionary<string, string> { ["ARCHIVE__Archive__Web__ConcurrentReads"] = "1" });
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", officer);
        var found = JsonDocument.Parse(await http.GetStringAsync("/api/v1/search?q=quyet%20dinh")).RootElement;
        var ids = found.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("id").GetString()!).ToList();
        Assert.That(ids, Is.Not.Empty);

        var asked = Enumerable.Range(0, 30).Select(i => (i % 3) switch
        {
            0 => $"/api/v1/search?q=quyet%20dinh%20-khong{i}",
            1 => $"/api/v1/documents/{ids[i % ids.Count]}",
            _ => $"/van-ban/{ids[i % ids.Count]}",
        }).ToList();
        var answers = await Task.WhenAll(asked.Select(url => http.GetAsync(url)));

        Assert.That(answers.Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), string.Join(", ", asked));
        Assert.That(await answers[2].Content.ReadAsStringAsync(), Does.Contain(ids[2 % ids.Count]));
    }
}
