using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Ingest.Signatures;

/// <summary>Parses a PDF date string (ISO 32000-1, 7.9.4): D:YYYYMMDDHHmmSSOHH'mm'.</summary>
internal static partial class PdfDate
{
    [GeneratedRegex(@"^(D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|([+-])(\d{2})'?(\d{2})?'?)?")]
    private static partial Regex Pattern();

    public static DateTimeOffset? TryParse(string? text)
    {
        if (text is null) return null;
        var m = Pattern().Match(text.Trim());
        if (!m.Success) return null;
        int Part(int group, int fallback) =>
            m.Groups[group].Success ? int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture) : fallback;
        var offset = TimeSpan.Zero;
        if (m.Groups[9].Success)
        {
            offset = new TimeSpan(Part(10, 0), Part(11, 0), 0);
            if (m.Groups[9].Value == "-") offset = -offset;
        }
        try
        {
            return new DateTimeOffset(Part(2, 1), Part(3, 1), Part(4, 1), Part(5, 0), Part(6, 0), Part(7, 0), offset);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
