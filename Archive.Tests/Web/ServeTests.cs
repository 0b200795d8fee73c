using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

public sealed class ServeTests
{
    [Test]
    public async Task Serve_with_demo_data_answers_health_on_loopback()
    {
        using var data = new TempFolder("archive-data");
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
            var jobs = JsonDocument.Parse(await http.GetStringAsync("/api/jobs")).RootElement;
            Assert.That(jobs.ValueKind, Is.EqualTo(JsonValueKind.Array));
            var problems = JsonDocument.Parse(await http.GetStringAsync("/api/problems")).RootElement;
            Assert.That(problems.ValueKind, Is.EqualTo(JsonValueKind.Array));
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

    private static async Task<string?> WaitForHealthAsync(HttpClient http, Process server)
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
