using System.Globalization;
using System.Text;

namespace Archive.Ingest.Transfers;

/// <summary>
/// The metadata of bag-info.txt (RFC 8493 §2.2.2): labelled values in order, a label possibly repeated, long values folded
/// onto lines that start with a space or a tab.
/// </summary>
public sealed record BagInfo(IReadOnlyList<KeyValuePair<string, string>> Elements)
{
    public const string FileName = "bag-info.txt";
    public const string SourceOrganization = "Source-Organization";
    public const string ExternalIdentifier = "External-Identifier";
    public const string ExternalDescription = "External-Description";
    public const string BaggingDate = "Bagging-Date";
    public const string PayloadOxum = "Payload-Oxum";
    public const string BagCount = "Bag-Count";
    public const string BagSize = "Bag-Size";

    public static readonly BagInfo Empty = new([]);

    /// <summary>The first value of a label, compared without regard to case (RFC 8493 labels are case-insensitive).</summary>
    public string? this[string label] =>
        Elements.FirstOrDefault(e => string.Equals(e.Key, label, StringComparison.OrdinalIgnoreCase)) is { Key: not null } found
            ? found.Value
            : null;

    /// <summary>Reads the lines of a tag file; a line that is neither "Label: value" nor a continuation is a problem.</summary>
    public static BagInfo Parse(IEnumerable<string> lines, List<string> problems, string fileName = FileName)
    {
        var elements = new List<KeyValuePair<string, string>>();
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0) continue;
            if (line[0] is ' ' or '\t')
            {
                if (elements.Count == 0)
                {
                    problems.Add($"{fileName} dòng {number}: dòng tiếp nối không có nhãn phía trước.");
                    continue;
                }
                var last = elements[^1];
                elements[^1] = new(last.Key, last.Value + " " + line.Trim());
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || char.IsWhiteSpace(line[colon - 1]))
            {
                problems.Add($"{fileName} dòng {number}: không đúng dạng 'Nhãn: giá trị'.");
                continue;
            }
            elements.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }
        return new BagInfo(elements);
    }

    /// <summary>The file's text: one line per element, CRLF-free, UTF-8.</summary>
    public string Write()
    {
        var text = new StringBuilder();
        foreach (var (label, value) in Elements)
            text.Append(label).Append(": ").Append(value.ReplaceLineEndings(" ")).Append('\n');
        return text.ToString();
    }

    /// <summary>"octets.streams" of Payload-Oxum, or null when absent or malformed.</summary>
    public (long Octets, long Streams)? Oxum()
    {
        var value = this[PayloadOxum];
        var dot = value?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0
               && long.TryParse(value![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var octets)
               && long.TryParse(value[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var streams)
            ? (octets, streams)
            : null;
    }
}
