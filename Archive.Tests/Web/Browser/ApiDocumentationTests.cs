using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web.Browser;

/// <summary>The OpenAPI document lists the API, and its interactive documentation works from the archive alone (no CDN).</summary>
public sealed class ApiDocumentationTests
{
    [Test]
    public async Task The_openapi_document_lists_the_api_and_the_docs_page_shows_it_without_leaving_the_archive()
    {
        using var data = new TempFolder("archive-data");
        await Cli.RunAsync("init", "--data", data.Path);
        await using var server = await ServerProcess.StartAsync(data.Path);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3."));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.SupersetOf(new[]
        {
            "/health", "/api/v1/auth/sign-in", "/api/v1/auth/sign-out", "/api/v1/auth/password", "/api/v1/me", "/api/v1/search",
            "/api/v1/documents/{id}/original", "/api/v1/documents/{id}/pdfa", "/api/v1/documents/{id}/metadata", "/api/problems", "/api/jobs",
        }));

        var (context, page, errors) = await BrowserFixture.OpenAsync(server.BaseUrl);
        await using var contextLifetime = context;
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(server.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                lock (outside) outside.Add(request.Url);
        };
        await page.GotoAsync("/api/docs/");
        await page.GetByText("/api/v1/search").First.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "api-docs");
        Assert.That(outside, Is.Empty, "the documentation loads nothing from another site");
    }
}
