using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ServeTests(CatalogEngine engine)
{
    [Test]
    public async Task Serve_with_demo_data_answers_health_on_loopback()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await Cli.RunAsync("demo", "--data", data.Path);
        _archivistToken = await TokenAsync(data.Path, "ltv", "luu-tru-vien");
        _specialistToken = await TokenAsync(data.Path, "cvien", "chuyen-vien");
        var port = FreeLoopbackPort();
        using var server = Process.Start(Cli.ChildProcess(
            ["serve", "--demo", "--urls", $"http://127.0.0.1:{port}", "--data", data.Path]))!;
        var stderr = server.StandardError.ReadToEndAsync();
        _ = server.StandardOutput.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var health = await WaitForHealthAsync(http, server);
            Assert.That(health, Is.Not.Null, $"the server never answered /health; its log:\n{(server.HasExited ? await stderr : "")}");

            var json = JsonDocument.Parse(health!).RootElement;
            Assert.That(json.GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(json.GetProperty("catalog").GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(json.GetProperty("catalog").GetProperty("detail").GetString(), Does.StartWith("3 hồ sơ"));
            Assert.That(json.GetProperty("blobs").GetProperty("status").GetString(), Is.EqualTo("ok"));
            Assert.That(json.GetProperty("index").GetProperty("status").GetString(), Is.Not.Empty);
            Assert.That((await http.GetAsync("/api/jobs")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "no token, no job history");
            using var archivist = new HttpRequestMessage(HttpMethod.Get, "/api/jobs")
            {
                Headers = { { "Authorization", $"Bearer {_archivistToken}" } },
            };
            var jobs = JsonDocument.Parse(await (await http.SendAsync(archivist)).Content.ReadAsStringAsync()).RootElement;
            Assert.That(jobs.ValueKind, Is.EqualTo(JsonValueKind.Array));
            using var specialist = new HttpRequestMessage(HttpMethod.Get, "/api/problems")
            {
                Headers = { { "Authorization", $"Bearer {_specialistToken}" } },
            };
            var refused = await http.SendAsync(specialist);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString(),
                Does.Contain("không có quyền"));
            using var alerts = new HttpRequestMessage(HttpMethod.Get, "/api/problems")
            {
                Headers = { { "Authorization", $"Bearer {_archivistToken}" } },
            };
            var problems = JsonDocument.Parse(await (await http.SendAsync(alerts)).Content.ReadAsStringAsync()).RootElement;
            Assert.That(problems.EnumerateArray().Select(p => p.GetProperty("kind").GetString()), Has.Member("access.rights-changed"),
                "creating accounts is a change of rights the administrators are warned of");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        // The demo data stays, and a second start does not seed it again.
        var dossiers = await Cli.RunAsync("dossier", "list", "--json", "--data", data.Path);
        Assert.That(dossiers.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(3));
        var agencies = await Cli.RunAsync("agency", "list", "--data", data.Path);
        Assert.That(agencies.Stdout, Does.Contain("000.00.00.H42"));
    }

    private string _archivistToken = "";
    private string _specialistToken = "";

    /// <summary>An account with one role and a personal token for it, made through the command line.</summary>
    internal static async Task<string> TokenAsync(string data, string login, string role, params string[] scopes)
    {
        var created = await Cli.RunWithInputAsync("Luu-tru-2019-HT\n", "user", "create", login, "--full-name", $"Người dùng {login}",
            "--agency", "000.00.00.H42", "--role", role, "--password-stdin", "--data", data);
        Assert.That(created.ExitCode, Is.Zero, created.ToString());
        string[] given = scopes.Length > 0 ? scopes : ["doc"];
        var token = await Cli.RunAsync(["user", "token", "create", "thử nghiệm", .. given.SelectMany(s => new[] { "--scope", s }), "--scope",
            "quan-tri", "--json", "--as", login, "--data", data]);
        Assert.That(token.ExitCode, Is.Zero, token.ToString());
        return JsonDocument.Parse(token.Stdout).RootElement.GetProperty("token").GetString()!;
    }

    internal static async Task<string?> WaitForHealthAsync(HttpClient http, Process server)
    {
        // Bounded by attempts (start-up of a child process), not a performance assertion.
        for (var attempt = 0; attempt < 300 && !server.HasExited; attempt++)
        {
            try
            {
                var response = await http.GetAsync("/health");
                return await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }
        return null;
    }

    internal static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
