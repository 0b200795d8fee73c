using System.Net;
using System.Net.Sockets;

namespace Archive.Core.Access;

/// <summary>An address range (CIDR) of a network that is cut off from the WAN and the Internet.</summary>
public sealed record IsolatedNetwork(IPAddress Prefix, int Length)
{
    public static IsolatedNetwork Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var prefix) || !int.TryParse(cidr[(slash + 1)..], out var length)
            || length < 0 || length > (prefix.AddressFamily == AddressFamily.InterNetwork ? 32 : 128))
            throw new FormatException($"'{cidr}' không phải dải địa chỉ dạng CIDR (ví dụ 10.10.0.0/16).");
        return new IsolatedNetwork(prefix, length);
    }

    public bool Contains(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != Prefix.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var p = Prefix.GetAddressBytes();
        var bits = Length;
        for (var i = 0; i < a.Length && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : (byte)(0xFF << (8 - bits));
            if ((a[i] & mask) != (p[i] & mask)) return false;
        }
        return true;
    }

    public override string ToString() => $"{Prefix}/{Length}";
}
