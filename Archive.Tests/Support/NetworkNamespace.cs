using System.Diagnostics;

namespace Archive.Tests.Support;

/// <summary>
/// A network namespace made by the test with `ip netns` (iproute2): a host of our own whose
/// interfaces and routes the test decides. Tests are skipped, saying why, where namespaces are not permitted.
/// </summary>
public sealed class NetworkNamespace : IDisposable
{
    private readonly string _id = Guid.NewGuid().ToString("N")[..6];

    private NetworkNamespace() => Name = $"archive-{_id}";

    public string Name { get; }

    /// <summary>The prefix that runs a command inside the namespace.</summary>
    public IReadOnlyList<string> Exec => ["ip", "netns", "exec", Name];

    public static NetworkNamespace CreateOrIgnore()
    {
        var ns = new NetworkNamespace();
        var (code, output) = Run("ip", "netns", "add", ns.Name);
        if (code != 0) Assert.Ignore($"Network namespaces are not permitted on this machine ('ip netns add' said: {output.Trim()}).");
        ns.Inside("ip", "link", "set", "lo", "up");
        return ns;
    }

    /// <summary>Gives the namespace an Ethernet link (veth) with an address, and optionally a default route.</summary>
    /// <param name="outsideCidr">An address for the link's other end, in the test's own namespace: a client on the same cable.</param>
    public void AddLink(string cidr, string? defaultGateway, string? outsideCidr = null)
    {
        var outside = $"va{_id}";
        var inside = $"vb{_id}";
        Must(Run("ip", "link", "add", outside, "type", "veth", "peer", "name", inside));
        if (outsideCidr is not null)
        {
            Must(Run("ip", "addr", "add", outsideCidr, "dev", outside));
            Must(Run("ip", "link", "set", outside, "up"));
        }
        Must(Run("ip", "link", "set", inside, "netns", Name));
        Inside("ip", "addr", "add", cidr, "dev", inside);
        Inside("ip", "link", "set", inside, "up");
        if (defaultGateway is not null) Inside("ip", "route", "add", "default", "via", defaultGateway);
    }

    public void Inside(params string[] command) => Must(Run([.. Exec, .. command]));

    public void Dispose() => Run("ip", "netns", "del", Name);

    private static void Must((int Code, string Output) result)
    {
        if (result.Code != 0) Assert.Fail($"Setting up the test network failed: {result.Output}");
    }

    private static (int Code, string Output) Run(params string[] command)
    {
        var info = new ProcessStartInfo(command[0]) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in command.Skip(1)) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
