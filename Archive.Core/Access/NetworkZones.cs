using System.Net;

namespace Archive.Core.Access;

/// <summary>Judges where a client is from its socket address (never from forwarded headers, which a client writes itself).</summary>
public static class NetworkZones
{
    public static NetworkZone Of(IPAddress? address, IReadOnlyList<IsolatedNetwork> isolatedNetworks)
    {
        if (address is null) return NetworkZone.Networked;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return NetworkZone.Console;
        return isolatedNetworks.Any(n => n.Contains(address)) ? NetworkZone.Isolated : NetworkZone.Networked;
    }
}
