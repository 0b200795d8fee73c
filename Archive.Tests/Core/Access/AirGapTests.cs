using System.Net;
using Archive.Core.Access;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Access;

/// <summary>The air-gap self-check judged on hosts of the test's own making (network namespaces).</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class AirGapTests(CatalogEngine engine)
{
    [Test]
    public async Task Loopback_only_passes()
    {
        using var ns = NetworkNamespace.CreateOrIgnore();
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path, throughSocket: true);
        await Cli.RunAsync("init", "--data", data.Path);

        var result = await Cli.RunChildAsync(["airgap", "check", "--data", data.Path], wrapper: ns.Exec);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stdout, Does.StartWith("ĐẠT"));
    }

    [Test]
    public async Task A_routable_address_and_a_default_route_fail_and_close_the_restricted_collection()
    {
        using var ns = NetworkNamespace.CreateOrIgnore();
        ns.AddLink("198.51.100.7/24", "198.51.100.1");
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path, throughSocket: true);
        await Cli.RunAsync("init", "--data", data.Path);

        var result = await Cli.RunChildAsync(["airgap", "check", "--data", data.Path], wrapper: ns.Exec);

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Stdout, Does.Contain("198.51.100.7").And.Contain("tuyến mặc định"));
    }

    [Test]
    public async Task An_address_inside_a_configured_isolated_network_without_a_default_route_passes()
    {
        using var ns = NetworkNamespace.CreateOrIgnore();
        ns.AddLink("10.77.0.5/24", defaultGateway: null);
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path, throughSocket: true);
        await Cli.RunAsync("init", "--data", data.Path);
        var isolated = new Dictionary<string, string> { ["ARCHIVE__Archive__Restricted__IsolatedNetworks__0"] = "10.77.0.0/16" };

        var passes = await Cli.RunChildAsync(["airgap", "check", "--data", data.Path], isolated, ns.Exec);
        var withoutConfiguration = await Cli.RunChildAsync(["airgap", "check", "--data", data.Path], wrapper: ns.Exec);

        Assert.That(passes.ExitCode, Is.Zero, passes.ToString());
        Assert.That(withoutConfiguration.ExitCode, Is.EqualTo(1), withoutConfiguration.ToString());
        Assert.That(withoutConfiguration.Stdout, Does.Contain("10.77.0.5"));
    }

    [Test]
    public async Task Restricted_dossiers_and_their_documents_live_only_in_the_air_gapped_collection()
    {
        using var ns = NetworkNamespace.CreateOrIgnore();
        using var online = NetworkNamespace.CreateOrIgnore(); // like an office PC on the Internet
        online.AddLink("203.0.113.9/24", "203.0.113.1");
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path, throughSocket: true);
        await DemoDossier.CreateAsync(data.Path);
        string[] restricted = ["dossier", "create", "--data", data.Path, "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2020",
            "--set", "FileNotation=09.TCCB", "--set", "Title=Hồ sơ nhân sự", "--set", "Maintenance=70", "--set", "Rights=Hạn chế"];

        var refusedOnline = await Cli.RunChildAsync(restricted, wrapper: online.Exec);
        var createdOffline = await Cli.RunChildAsync(restricted, wrapper: ns.Exec);

        Assert.That(refusedOnline.ExitCode, Is.EqualTo(64), refusedOnline.ToString());
        Assert.That(refusedOnline.Stderr, Does.Contain("Điều 16.6"));
        Assert.That(createdOffline.ExitCode, Is.Zero, createdOffline.ToString());
        var file = data.File("ly-lich.txt");
        await File.WriteAllTextAsync(file, "Sơ yếu lý lịch — tài liệu hạn chế sử dụng");
        string[] add = ["document", "add", file, "--dossier", "000.00.00.H42.2020.09.TCCB", "--data", data.Path,
            "--set", "TypeName=Sơ yếu lý lịch", "--set", "OrganName=Sở Nội vụ", "--set", "Mode=01"];
        var filed = await Cli.RunChildAsync(add, wrapper: ns.Exec);
        Assert.That(filed.ExitCode, Is.Zero, filed.ToString());
        // What came in through the networked inbox is not filed straight into the air-gapped collection.
        var received = data.File("den.pdf");
        SamplePdf.Write(received, "Van ban den");
        var metadata = data.File("den.json");
        await File.WriteAllTextAsync(metadata, """
            {"TypeName":"Công văn","OrganName":"Sở Nội vụ","CodeNumber":"15","CodeNotation":"SNV-TCCB","IssuedDate":"2020-03-02",
             "Subject":"Về việc nhân sự","PageAmount":1}
            """);
        var pending = await Cli.RunChildAsync(["ingest", received, "--metadata", metadata, "--json", "--data", data.Path], wrapper: ns.Exec);
        Assert.That(pending.Stdout, Does.Contain("\"status\":\"pending\""), pending.ToString());
        var inboxId = System.Text.Json.JsonDocument.Parse(pending.Stdout.Split('\n')[0]).RootElement.GetProperty("inboxId").GetString()!;
        var intoRestricted = await Cli.RunChildAsync(["inbox", "accept", inboxId, "--dossier", "000.00.00.H42.2020.09.TCCB", "--data", data.Path],
            wrapper: ns.Exec);
        Assert.That(intoRestricted.ExitCode, Is.EqualTo(64), intoRestricted.ToString());
        Assert.That(intoRestricted.Stderr, Does.Contain("kho hạn chế sử dụng").And.Contain("máy của kho cách ly"));

        var digest = Archive.Core.Storage.Sha256Digest.Compute(await File.ReadAllBytesAsync(file)).Hex;
        Assert.That(File.Exists(Path.Combine(data.Path, "restricted", "blobs", "sha256", digest[..2], digest[2..4], digest)));
        Assert.That(File.Exists(Path.Combine(data.Path, "blobs", "sha256", digest[..2], digest[2..4], digest)), Is.False);
        var mainList = await Cli.RunAsync("dossier", "list", "--data", data.Path);
        Assert.That(mainList.Stdout, Does.Not.Contain("09.TCCB"));
        var restrictedList = await Cli.RunChildAsync(["dossier", "list", "--restricted", "--data", data.Path], wrapper: ns.Exec);
        Assert.That(restrictedList.Stdout, Does.Contain("09.TCCB"));

        // Back on a networked host the collection stays closed, and that is now an alert for the archivist.
        var closed = await Cli.RunChildAsync(["dossier", "list", "--restricted", "--data", data.Path], wrapper: online.Exec);
        Assert.That(closed.ExitCode, Is.EqualTo(64), closed.ToString());
        var problems = await Cli.RunAsync("airgap", "check", "--data", data.Path);
        Assert.That(problems.ExitCode, Is.EqualTo(1));
        using (var store = Archive.Core.Storage.ArchiveStore.Open(new Archive.Core.Storage.DataFolder(data.Path), TimeProvider.System,
                   Serilog.Core.Logger.None, catalog: CatalogEngines.CatalogOf(data.Path)))
            Assert.That(store.Catalog.Read(s => s.Problems.All()).Select(p => p.Kind), Has.Member("airgap.failed"));

        var restrictedInOpenDossier = await Cli.RunAsync([.. DemoDossier.AddDocument(file, data.Path), "--set", "Mode=01"]);
        Assert.That(restrictedInOpenDossier.ExitCode, Is.EqualTo(64));
        Assert.That(restrictedInOpenDossier.Stderr, Does.Contain("hồ sơ hạn chế"));
    }

    [TestCase("10.0.0.0/8", "10.200.3.4", true)]
    [TestCase("10.0.0.0/8", "11.0.0.1", false)]
    [TestCase("192.168.10.0/23", "192.168.11.255", true)]
    [TestCase("192.168.10.0/23", "192.168.12.1", false)]
    [TestCase("fd12:3456::/32", "fd12:3456:1::7", true)]
    [TestCase("fd12:3456::/32", "10.0.0.1", false)]
    public void Isolated_networks_contain_exactly_their_addresses(string cidr, string address, bool inside) =>
        Assert.That(IsolatedNetwork.Parse(cidr).Contains(IPAddress.Parse(address)), Is.EqualTo(inside));

    [TestCase("10.0.0.0")]
    [TestCase("10.0.0.0/33")]
    [TestCase("mạng/8")]
    public void A_malformed_isolated_network_is_refused(string cidr) =>
        Assert.Throws<FormatException>(() => IsolatedNetwork.Parse(cidr));
}
