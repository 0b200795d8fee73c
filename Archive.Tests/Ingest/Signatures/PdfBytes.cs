using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>Byte-level edits of PDFs for attack tests: same-length replacements and appended incremental updates.</summary>
public static partial class PdfBytes
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static string Text(byte[] pdf) => Latin1.GetString(pdf);

    /// <summary>Replaces the last occurrence of <paramref name="find"/> by a string of the same length.</summary>
    public static byte[] ReplaceLast(byte[] pdf, string find, string replacement)
    {
        if (find.Length != replacement.Length) throw new ArgumentException("Same length keeps every offset valid.");
        var at = Text(pdf).LastIndexOf(find, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{find}' not in the PDF.");
        var copy = (byte[])pdf.Clone();
        Latin1.GetBytes(replacement).CopyTo(copy, at);
        return copy;
    }

    public static byte[] ReplaceFirst(byte[] pdf, string find, string replacement)
    {
        if (find.Length != replacement.Length) throw new ArgumentException("Same length keeps every offset valid.");
        var at = Text(pdf).IndexOf(find, StringComparison.Ordinal);
        if (at < 0) throw new ArgumentException($"'{find}' not in the PDF.");
        var copy = (byte[])pdf.Clone();
        Latin1.GetBytes(replacement).CopyTo(copy, at);
        return copy;
    }

    /// <summary>The numbers of the last /ByteRange.</summary>
    public static long[] LastByteRange(byte[] pdf)
    {
        var m = ByteRangePattern().Matches(Text(pdf)).Last();
        return m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
    }

    /// <summary>Rewrites the last /ByteRange array with other numbers, padded to the same width.</summary>
    public static byte[] WithByteRange(byte[] pdf, params long[] values)
    {
        var m = ByteRangePattern().Matches(Text(pdf)).Last();
        var inner = string.Join(' ', values).PadRight(m.Groups[1].Length);
        if (inner.Length != m.Groups[1].Length) throw new ArgumentException("New /ByteRange does not fit.");
        var copy = (byte[])pdf.Clone();
        Latin1.GetBytes(inner).CopyTo(copy, m.Groups[1].Index);
        return copy;
    }

    [GeneratedRegex(@"/ByteRange\s*\[([0-9 ]+)\]")]
    private static partial Regex ByteRangePattern();

    [GeneratedRegex(@"startxref\s+(\d+)")]
    private static partial Regex StartXref();

    [GeneratedRegex(@"/Size\s+(\d+)")]
    private static partial Regex Size();

    /// <summary>
    /// Appends an incremental update (classic xref table) that defines or redefines the given objects,
    /// as an attacker's editor would; <paramref name="root"/> replaces the trailer's /Root when given.
    /// </summary>
    public static byte[] AppendUpdate(byte[] pdf, IReadOnlyDictionary<int, string> objects, string root = "1 0 R")
    {
        var text = Text(pdf);
        var prev = StartXref().Matches(text).Last().Groups[1].Value;
        var size = Math.Max(Size().Matches(text).Max(m => int.Parse(m.Groups[1].Value)), objects.Keys.Max() + 1);
        using var output = new MemoryStream();
        output.Write(pdf);
        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Length;
            output.Write(Latin1.GetBytes($"{number} 0 obj\n{body}\nendobj\n"));
        }
        var xref = output.Length;
        var table = new StringBuilder("xref\n0 1\n0000000000 65535 f \n");
        foreach (var (number, offset) in offsets) table.Append($"{number} 1\n{offset:D10} 00000 n \n");
        table.Append($"trailer\n<< /Size {size} /Root {root} /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Latin1.GetBytes(table.ToString()));
        return output.ToArray();
    }

    public static string Stream(string content) => $"<< /Length {content.Length} >>\nstream\n{content}\nendstream";

    public static string Write(byte[] pdf, string name)
    {
        var path = Path.Combine(SignatureFixtures.TempFolder(), name);
        File.WriteAllBytes(path, pdf);
        return path;
    }
}
