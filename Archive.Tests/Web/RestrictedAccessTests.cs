using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

/// <summary>
/// Điều 16.6 over the web: restricted records are served only to a client on an isolated network, and only with an explicit
/// grant. The server runs on a host of the test's making (a network namespace with no default route, whose one address is
/// inside the isolated networks); one client sits on the same cable outside those networks, the other inside the host.
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class RestrictedAccessTests(CatalogEngine engine)
{
    private const string RestrictedDossier = "000.00.00.H42.2020.09.TCCB";

    [Test]
    public async Task Restricted_content_needs_an_explicit_grant_and_a_client_on_an_isolated_network()
    {
        using var ns = NetworkNamespace.CreateOrIgnore();
        ns.AddLink("10.77.0.1/24", defaultGateway: null, outsideCidr: "10.77.0.200/24");
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path, throughSocket: true);
        await DemoDossier.CreateAsync(data.Path);
        var isolated = new Dictionary<string, string> { ["ARCHIVE__Archive__Restricted__IsolatedNetworks__0"] = "10.77.0.0/25" };
        async Task<CliResult> OnTheAirGappedHost(params string[] args)
        {
            var result = await Cli.RunChildAsync([.. args, "--data", data.Path], isolated, ns.Exec);
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            return result;
        }
        await OnTheAirGappedHost("dossier", "create", "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2020",
            "--set", "FileNotation=09.TCCB", "--set", "Title=Hồ sơ nhân sự", "--set", "Maintenance=70", "--set", "Rights=Hạn chế");
        var file = data.File("ly-lich.pdf");
        SamplePdf.Write(file, "So yeu ly lich");
        var filed = await OnTheAirGappedHost("document", "add", file, "--dossier", RestrictedDossier, "--json",
            "--set", "TypeName=Sơ yếu lý lịch", "--set", "OrganName=Sở Nội vụ", "--set", "Mode=01");
        var id = JsonDocument.Parse(filed.Stdout).RootElement.GetProperty("id").GetString()!;
        var granted = await ServeTests.TokenAsync(data.Path, "nhansu", "chuyen-vien");
        var officer = await ServeTests.TokenAsync(data.Path, "vanthu", "van-thu");
        await OnTheAirGappedHost("grant", RestrictedDossier, "--user", "nhansu", "--level", "read");

        var port = Random.Shared.Next(20_000, 60_000);
        var server = Process.Start(Cli.ChildProcess(["serve", "--urls", $"http://10.77.0.1:{port}", "--data", data.Path], isolated,
            ns.Exec))!;
        var log = server.StandardError.ReadToEndAsync();
        _ = server.StandardOutput.ReadToEndAsync();
        try
        {
            using var outside = new HttpClient { BaseAddress = new Uri($"http://10.77.0.1:{port}") };
            Assert.That(await ServeTests.WaitForHealthAsync(outside, server), Is.Not.Null, "the server never answered");

            // From 10.77.0.200, on the cable but outside 10.77.0.0/25: refused, grant or not.
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/documents/{id}/original")
            {
                Headers = { { "Authorization", $"Bearer {granted}" } },
            };
            var refused = await outside.SendAsync(request);
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Điều 16.6").And.Contain("10.77.0.200"));

            // From inside the isolated network: served bit for bit to the grantee, refused to a records officer without a grant.
            var copy = data.File("ban-tai-ve.pdf");
            Assert.That(await Curl(ns, granted, port, id, copy), Is.EqualTo("200"));
            Assert.That(await File.ReadAllBytesAsync(copy), Is.EqualTo(await File.ReadAllBytesAsync(file)));
            Assert.That(await Curl(ns, officer, port, id, data.File("khong-duoc.pdf")), Is.EqualTo("403"));

            // Search of the collection over the web: refused from outside, the grantee's documents from inside.
            using var search = new HttpRequestMessage(HttpMethod.Get, "/api/v1/search?q=ly%20lich&restricted=true")
            {
                Headers = { { "Authorization", $"Bearer {granted}" } },
            };
            Assert.That((await outside.SendAsync(search)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            var hits = data.File("tim-kiem.json");
            Assert.That(await Curl(ns, granted, port, "", hits, "/api/v1/search?q=ly%20lich&restricted=true"), Is.EqualTo("200"));
            Assert.That(JsonDocument.Parse(await File.ReadAllTextAsync(hits)).RootElement
                .GetProperty("hits")[0].GetProperty("id").GetString(),
                Is.EqualTo(id));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }

        var shown = await Cli.RunChildAsync(["dossier", "show", RestrictedDossier, "--as", "nhansu", "--data", data.Path], isolated, ns.Exec);
        Assert.That(shown.Stdout, Does.Contain("Sơ yếu lý lịch"), shown.ToString());

        // Search of the collection: on the air-gapped host, over the grantee's dossiers only, each search in the access log.
        var found = await Cli.RunChildAsync(["search", "--restricted", "lý lịch", "--json", "--as", "nhansu", "--data", data.Path],
            isolated, ns.Exec);
        Assert.That(JsonDocument.Parse(found.Stdout).RootElement.GetProperty("total").GetInt32(), Is.EqualTo(1), found.ToString());
        var notGranted = await Cli.RunChildAsync(["search", "--restricted", "lý lịch", "--json", "--as", "vanthu", "--data", data.Path],
            isolated, ns.Exec);
        Assert.That(JsonDocument.Parse(notGranted.Stdout).RootElement.GetProperty("total").GetInt32(), Is.Zero, notGranted.ToString());
        var networked = await Cli.RunAsync("search", "--restricted", "lý lịch", "--as", "nhansu", "--data", data.Path);
        Assert.That(networked.ExitCode, Is.EqualTo(64), "this machine has a default route: " + networked);
        Assert.That(networked.Stderr, Does.Contain("Điều 16.6"));

        var audit = await Cli.RunAsync("audit", "list", "--limit", "1000", "--json", "--data", data.Path);
        var entries = audit.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var read = entries.Single(e => e.GetProperty("action").GetString() == "document.read");
        Assert.That(read.GetProperty("actor").GetString(), Is.EqualTo("nhansu"));
        Assert.That(read.GetProperty("objectId").GetString(), Is.EqualTo(id));
        Assert.That(read.GetProperty("after").GetString(), Does.Contain("\"restricted\":true").And.Contain("Isolated"));
        Assert.That(entries.Select(e => e.GetProperty("action").GetString()), Has.Member("rights.grant"));
        Assert.That(entries.Where(e => e.GetProperty("action").GetString() == "dossier.read").Select(e => e.GetProperty("actor").GetString()),
            Is.EqualTo(new[] { "nhansu" }));
        var searches = entries.Where(e => e.GetProperty("action").GetString() == "search.restricted").ToList();
        Assert.That(searches.Select(e => e.GetProperty("actor").GetString()), Is.EquivalentTo(new[] { "nhansu", "nhansu", "vanthu" }),
            "the web search from inside, and the two searches on the command line");
        Assert.That(searches[0].GetProperty("after").GetString(), Does.Contain("\"total\":1").And.Contain(id));
        Assert.That((await Cli.RunAsync("audit", "verify", "--data", data.Path)).ExitCode, Is.Zero, await log);
    }

    private static async Task<string> Curl(NetworkNamespace ns, string token, int port, string id, string output, string? path = null)
    {
        var result = await Run([.. ns.Exec, "curl", "-s", "-o", output, "-w", "%{http_code}", "-H", $"Authorization: Bearer {token}",
            $"http://10.77.0.1:{port}{path ?? $"/api/v1/documents/{id}/original"}"]);
        return result.Trim();
    }

    private static async Task<string> Run(string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }
}
