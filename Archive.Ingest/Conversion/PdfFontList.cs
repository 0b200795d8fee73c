namespace Archive.Ingest.Conversion;

/// <summary>The table <c>pdffonts</c> prints, read by the column positions of its header.</summary>
public static class PdfFontList
{
    public sealed record Font(string Name, bool Embedded);

    public static IReadOnlyList<Font> Parse(string pdffontsOutput)
    {
        var lines = pdffontsOutput.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("name", StringComparison.Ordinal));
        if (header < 0 || header + 1 >= lines.Length) return [];
        // Font type names contain spaces ("CID Type 0C"), so split by the header's columns, not by blanks.
        var emb = lines[header].IndexOf(" emb ", StringComparison.Ordinal) + 1;
        var fonts = new List<Font>();
        foreach (var line in lines.Skip(header + 2))
        {
            if (line.Length < emb + 3) continue;
            var name = line[..Math.Min(36, line.Length)].Trim();
            fonts.Add(new Font(name.Length == 0 ? "[không tên]" : name, line.Substring(emb, 3) == "yes"));
        }
        return fonts;
    }
}
