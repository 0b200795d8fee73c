using System.Text;

namespace Archive.Ingest.Transfers;

/// <summary>
/// A file path as a manifest writes it (RFC 8493 §2.1.3): relative to the bag, '/' between folders, and only CR, LF and '%'
/// percent-encoded. A path that is absolute, climbs out with "..", or names "." is refused, whoever wrote the manifest.
/// </summary>
public static class BagPath
{
    public const string PayloadFolder = "data";
    public const string PayloadPrefix = PayloadFolder + "/";

    public static string Encode(string relative) =>
        relative.Replace("%", "%25", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal)
            .Replace("\r", "%0D", StringComparison.Ordinal);

    public static string Decode(string encoded)
    {
        if (!encoded.Contains('%', StringComparison.Ordinal)) return encoded;
        var decoded = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length)
            {
                var code = encoded.Substring(i + 1, 2).ToUpperInvariant();
                var c = code switch { "25" => '%', "0A" => '\n', "0D" => '\r', _ => '\0' };
                if (c != '\0')
                {
                    decoded.Append(c);
                    i += 2;
                    continue;
                }
            }
            decoded.Append(encoded[i]);
        }
        return decoded.ToString();
    }

    /// <summary>Why a decoded manifest path cannot be a file of this bag, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0) return "đường dẫn rỗng";
        if (path.StartsWith('/') || path.StartsWith('\\') || (path.Length > 1 && path[1] == ':'))
            return "đường dẫn tuyệt đối, ra ngoài gói";
        if (path.Contains('\0', StringComparison.Ordinal)) return "đường dẫn chứa ký tự NUL";
        foreach (var segment in path.Split('/', '\\'))
        {
            if (segment == "..") return "đường dẫn có '..', ra ngoài gói";
            if (segment is "." or "") return "đường dẫn có đoạn '.' hoặc rỗng";
        }
        return null;
    }

    public static bool IsPayload(string path) => path.StartsWith(PayloadPrefix, StringComparison.Ordinal);
}
