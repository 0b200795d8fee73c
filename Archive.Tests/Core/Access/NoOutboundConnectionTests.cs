using System.Text.RegularExpressions;
using Archive.Tests.Support;

namespace Archive.Tests.Core.Access;

/// <summary>
/// DESIGN 8.3: the archive makes no network connection of its own. strace, an independent observer,
/// watches every system call that opens a socket during an ingest (checks, filing, PDF/A conversion), fixity and backup cycle.
/// </summary>
public sealed partial class NoOutboundConnectionTests
{
    [Test]
    public async Task An_ingest_fixity_and_backup_cycle_opens_no_network_socket()
    {
        using var data = new TempFolder("archive-data");
        using var media = new TempFolder("backup-media");
        await DemoDossier.CreateAsync(data.Path);
        var file = SamplePdf.Write(data.File("cong-van.pdf"), "Cong van kiem tra cach ly mang");
        var metadata = data.File("m.json");
        await File.WriteAllTextAsync(metadata, "{\"TypeName\":\"Công văn\",\"OrganName\":\"Sở Nội vụ\",\"Subject\":\"Kiểm tra cách ly mạng\"}");
        var cycle = string.Join('\n',
            await TraceAsync(data, "ingest", ["ingest", file, "--dossier", DemoDossier.Code, "--metadata", metadata, "--data", data.Path]),
            await TraceAsync(data, "fixity", ["fixity", "--data", data.Path]),
            await TraceAsync(data, "backup", ["backup", "--to", media.Path, "--data", data.Path]));

        Assert.That(cycle, Does.Contain("socket("), "strace saw no socket call at all: it did not observe the process");
        Assert.That(NetworkSocket().Matches(cycle).Select(m => m.Value), Is.Empty);
    }

    [Test]
    public async Task The_air_gap_check_reads_interfaces_without_connecting_anywhere()
    {
        using var data = new TempFolder("archive-data");
        await Cli.RunAsync("init", "--data", data.Path);

        // Listing interfaces takes an AF_INET datagram socket for ioctl; it must never connect or send.
        var trace = await TraceAsync(data, "airgap", ["airgap", "check", "--data", data.Path]);

        Assert.That(NetworkConnect().Matches(trace).Select(m => m.Value), Is.Empty);
    }

    private static async Task<string> TraceAsync(TempFolder data, string name, string[] args)
    {
        var trace = data.File($"strace-{name}.txt");
        var result = await Cli.RunChildAsync(args, wrapper: ["strace", "-f", "-qq", "-e", "trace=socket,connect,sendto,sendmsg", "-o", trace]);
        Assert.That(result.ExitCode, Is.Zero.Or.EqualTo(1), result.ToString()); // the air-gap check fails on a networked host
        return await File.ReadAllTextAsync(trace);
    }

    [GeneratedRegex(@"(connect|sendto|sendmsg)\([^\n]*sa_family=AF_INET6?[^\n]*")]
    private static partial Regex NetworkConnect();

    /// <summary>Sockets that reach beyond the machine; AF_UNIX (local IPC) is not one.</summary>
    [GeneratedRegex(@"socket\(AF_(INET6?|PACKET)[^\n]*")]
    private static partial Regex NetworkSocket();
}
