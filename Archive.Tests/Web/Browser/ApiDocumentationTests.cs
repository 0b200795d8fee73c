using System.Text.Json;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;

namespace Archive.Tests.Web.Browser;

/// <summary>The OpenAPI document lists the API, and its interactive documentation works from the archive alone (no CDN).</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ApiDocumentationTests(CatalogEngine engine)
{
    [Test]
    public async Task The_openapi_document_lists_the_api_and_the_docs_page_shows_it_without_leaving_the_archive()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await Cli.RunAsync("init", "--data", data.Path);
        await using var server = await ServerProcess.StartAsync(data.Path);
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };

        var document = JsonDocument.Parse(await http.GetStringAsync("/openapi/v1.json")).RootElement;
        Assert.That(document.GetProperty("openapi").GetString(), Does.StartWith("3."));
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.That(paths, Is.EquivalentTo(new[]
        {
            "/health", "/api/v1/auth/sign-in", "/api/v1/auth/sign-out", "/api/v1/auth/password", "/api/v1/me", "/api/v1/search",
            "/api/v1/documents/{id}/original", "/api/v1/documents/{id}/pdfa", "/api/v1/documents/{id}/metadata", "/api/problems", "/api/jobs",
            "/api/v1/inbox", "/api/v1/inbox/{id}", "/api/v1/inbox/{id}/accept", "/api/v1/inbox/{id}/reject", "/api/v1/registers/incoming",
            "/api/v1/registers/incoming.xlsx", "/api/v1/dossiers", "/api/v1/dossiers/{code}", "/api/v1/dossiers/{code}/close",
            "/api/v1/dossiers/{code}/reopen", "/api/v1/users", "/api/v1/users/{login}", "/api/v1/users/{login}/disable",
            "/api/v1/users/{login}/enable", "/api/v1/users/{login}/unlock", "/api/v1/users/{login}/reset-password", "/api/v1/tokens",
            "/api/v1/tokens/{id}", "/api/v1/grants", "/api/v1/agencies", "/api/v1/trust", "/api/v1/audit", "/api/v1/documents/{id}",
            "/api/v1/preservation/minutes", "/api/v1/preservation/minutes/{name}", "/api/v1/preservation/backups",
            "/api/v1/preservation/jobs/{job}/run", "/api/v1/copies", "/api/v1/copies/{id}", "/api/v1/copies/{id}/approve",
            "/api/v1/copies/{id}/refuse", "/api/v1/copies/{id}/make", "/api/v1/copies/{id}/file", "/api/v1/copy-verifications",
            "/api/v1/transfers/due", "/api/v1/disposals", "/api/v1/disposals/{code}/review", "/api/v1/disposals/{code}/holds",
            "/api/v1/disposals/{code}/holds/{hold}/release", "/api/v1/disposals/{code}/approve", "/api/v1/disposals/{code}/destroy",
            "/api/v1/disposals/{code}/record",
            "/api/v1/tasks", "/api/v1/tasks/unpresented", "/api/v1/tasks/{id}", "/api/v1/tasks/{id}/present", "/api/v1/tasks/{id}/assign",
            "/api/v1/tasks/{id}/progress", "/api/v1/tasks/{id}/complete",
            "/api/v1/outgoing", "/api/v1/outgoing/{id}", "/api/v1/outgoing/{id}/versions/{digest}", "/api/v1/outgoing/{id}/submit",
            "/api/v1/outgoing/{id}/draft",
            "/api/v1/outgoing/{id}/comment", "/api/v1/outgoing/{id}/return", "/api/v1/outgoing/{id}/signed", "/api/v1/outgoing/{id}/number",
            "/api/v1/outgoing/{id}/issue", "/api/v1/outgoing/{id}/recall", "/api/v1/outgoing/status", "/api/v1/registers/outgoing",
            "/api/v1/registers/outgoing.xlsx", "/api/v1/statistics", "/api/v1/statistics/report.xlsx",
            "/api/v1/registers/incoming.pdf", "/api/v1/registers/outgoing.pdf",
        }), "every endpoint of the API, and nothing else");

        // Checked by an independent implementation of the OpenAPI schemas, not by the library that wrote the document.
        using var folder = new TempFolder("openapi");
        var file = Path.Combine(folder.Path, "v1.json");
        await File.WriteAllTextAsync(file, document.GetRawText());
        var validator = Path.Combine(SignatureFixtures.RepositoryRoot(), "Archive.Tests", "Tools", "node_modules", "@seriousme",
            "openapi-schema-validator", "bin", "validate-api-cli.js");
        using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", [validator, file])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var verdict = await node.StandardOutput.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.That(JsonDocument.Parse(verdict).RootElement.GetProperty("valid").GetBoolean(), Is.True, verdict);

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
