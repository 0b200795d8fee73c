using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;

namespace Archive.Core.Access;

/// <summary>
/// Điều 16.6: restricted records are kept off any system connected to the WAN or the Internet. The
/// machine passes when every address on every interface is loopback or inside a configured isolated
/// network, and there is no default route (IPv4 or IPv6). Read from the kernel of the network
/// namespace the process runs in, so it sees what the process could reach.
/// </summary>
public sealed class AirGapCheck(IReadOnlyList<IsolatedNetwork> isolatedNetworks, TimeProvider clock)
{
    private const string Ipv4Routes = "/proc/net/route";
    private const string Ipv6Routes = "/proc/net/ipv6_route";

    public AirGapVerdict Run()
    {
        var violations = new List<string>();
        var seen = new List<string>();
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                seen.Add($"{nic.Name} {address}");
                // Loopback and link-local addresses are never routed beyond the machine or its cable.
                if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || IsIpv4LinkLocal(address)) continue;
                if (isolatedNetworks.Any(n => n.Contains(address))) continue;
                violations.Add($"Giao diện mạng {nic.Name} có địa chỉ {address} ngoài các mạng cách ly được cấu hình" +
                               (isolatedNetworks.Count == 0 ? " (chưa cấu hình mạng cách ly nào)." : $" ({string.Join(", ", isolatedNetworks)})."));
            }
        }
        foreach (var route in DefaultRoutes())
        {
            seen.Add(route);
            violations.Add($"Có tuyến mặc định ({route}): máy có thể ra mạng diện rộng/Internet.");
        }
        return new AirGapVerdict(clock.GetLocalNow(), violations, seen);
    }

    /// <summary>Default routes from the kernel's routing tables (destination 0.0.0.0/0 or ::/0).</summary>
    private static IEnumerable<string> DefaultRoutes()
    {
        if (File.Exists(Ipv4Routes))
            foreach (var line in File.ReadLines(Ipv4Routes).Skip(1))
            {
                var f = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (f.Length > 7 && f[1] == "00000000" && f[7] == "00000000")
                    yield return $"IPv4 qua {f[0]}, cổng {GatewayV4(f[2])}";
            }
        if (File.Exists(Ipv6Routes))
            foreach (var line in File.ReadLines(Ipv6Routes))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // destination ::/0 on a device other than lo (the kernel keeps an unreachable ::/0 on lo).
                if (f.Length >= 10 && f[0] == new string('0', 32) && f[1] == "00" && f[9] != "lo")
                    yield return $"IPv6 qua {f[9]}";
            }
    }

    private static bool IsIpv4LinkLocal(IPAddress address) =>
        address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork && address.GetAddressBytes() is [169, 254, _, _];

    private static string GatewayV4(string hex) =>
        uint.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value)
            ? new IPAddress(value).ToString()
            : hex;
}
