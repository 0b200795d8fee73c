using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using UglyToad.PdfPig.CrossReference;

namespace Archive.Ingest.PdfSyntax;

/// <summary>
/// An incremental update (ISO 32000-1, 7.5.6): objects appended after the file's last byte, new or
/// redefining earlier ones by number, with a cross-reference section whose trailer points back to the
/// previous one. Nothing before the update changes, so every earlier revision (and signature) stays as it was.
/// The section is a table, or a cross-reference stream when the previous section is one (7.5.8), so the file keeps one kind.
/// </summary>
internal sealed class PdfIncrementalUpdate
{
    private static readonly Encoding Latin1 = Encoding.Latin1;
    private readonly SortedDictionary<long, byte[]> _objects = new();

    /// <summary>Object <paramref name="number"/> (generation 0) as <paramref name="body"/>: a dictionary, array or other direct object.</summary>
    public void Set(long number, string body) => _objects[number] = Latin1.GetBytes(body);

    /// <summary>Object <paramref name="number"/> as a stream: <paramref name="dictionary"/> entries (without /Length) and unfiltered data.</summary>
    public void SetStream(long number, string dictionaryEntries, ReadOnlySpan<byte> data) => _objects[number] = StreamBody(dictionaryEntries, data);

    /// <summary>
    /// Appends the objects and the cross-reference section to <paramref name="output"/> (positioned anywhere; the
    /// update goes at its end). The trailer keeps <paramref name="previous"/>'s /Root, /Info and /ID.
    /// </summary>
    /// <returns>Where each object's body starts (after its "N 0 obj" line).</returns>
    public IReadOnlyDictionary<long, long> AppendTo(Stream output, TrailerDictionary previous)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(previous);
        var prev = LastStartXref(output);
        var previousIsStream = !StartsWith(output, prev, "xref"u8);
        output.Position = Math.Max(0, output.Length - 1);
        var last = output.ReadByte();
        output.Position = output.Length;
        if (last is not '\n' and not '\r') output.Write("\n"u8);

        var offsets = new SortedDictionary<long, long>();
        var bodies = new Dictionary<long, long>();
        foreach (var (number, body) in _objects)
        {
            offsets[number] = output.Position;
            output.Write(Latin1.GetBytes($"{number} 0 obj\n"));
            bodies[number] = output.Position;
            output.Write(body);
            output.Write("\nendobj\n"u8);
        }

        var size = Math.Max(previous.Size, _objects.Keys.Max() + 1);
        var kept = new StringBuilder($"/Root {previous.Root.ObjectNumber} {previous.Root.Generation} R");
        if (previous.Info is { } info) kept.Append(" /Info " + PdfObjectWriter.Write(info));
        if (previous.Identifier is { Count: > 0 } ids) kept.Append(" /ID [" + string.Join(' ', ids.Select(PdfObjectWriter.Write)) + "]");
        var xref = output.Position;
        if (previousIsStream)
        {
            // The stream lists itself too: it is object number "size".
            offsets[size] = xref;
            var width = Math.Max(4, (int)Math.Ceiling(Math.Log2(xref + 1) / 8));
            var rows = new byte[offsets.Count * (1 + width + 2)];
            var at = 0;
            foreach (var offset in offsets.Values)
            {
                rows[at] = 1;
                for (var i = 0; i < width; i++) rows[at + 1 + i] = (byte)(offset >> (8 * (width - 1 - i)));
                BinaryPrimitives.WriteUInt16BigEndian(rows.AsSpan(at + 1 + width), 0);
                at += 1 + width + 2;
            }
            var index = string.Join(' ', offsets.Keys.Select(n => $"{n} 1"));
            output.Write(Latin1.GetBytes($"{size} 0 obj\n"));
            output.Write(StreamBody($"/Type /XRef /Size {size + 1} /Index [{index}] /W [1 {width} 2] {kept} /Prev {prev}", rows));
            output.Write(Latin1.GetBytes($"\nendobj\nstartxref\n{xref}\n%%EOF\n"));
        }
        else
        {
            var table = new StringBuilder("xref\n");
            foreach (var (number, offset) in offsets)
                table.Append(CultureInfo.InvariantCulture, $"{number} 1\n{offset:D10} 00000 n \n");
            table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {size} {kept} /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n");
            output.Write(Latin1.GetBytes(table.ToString()));
        }
        return bodies;
    }

    /// <summary>A stream object's body: its dictionary (with /Length) and its unfiltered data.</summary>
    private static byte[] StreamBody(string dictionaryEntries, ReadOnlySpan<byte> data)
    {
        var head = Latin1.GetBytes($"<< {dictionaryEntries} /Length {data.Length} >>\nstream\n");
        var tail = "\nendstream"u8;
        var body = new byte[head.Length + data.Length + tail.Length];
        head.CopyTo(body, 0);
        data.CopyTo(body.AsSpan(head.Length));
        tail.CopyTo(body.AsSpan(head.Length + data.Length));
        return body;
    }

    /// <summary>The offset the file's last <c>startxref</c> names: where its newest cross-reference section is.</summary>
    public static long LastStartXref(Stream file)
    {
        var length = (int)Math.Min(2048, file.Length);
        var tail = new byte[length];
        file.Position = file.Length - length;
        file.ReadExactly(tail);
        var text = Latin1.GetString(tail);
        var at = text.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException("Không tìm thấy startxref ở cuối tệp PDF.");
        var digits = new string(text[(at + 9)..].SkipWhile(char.IsWhiteSpace).TakeWhile(char.IsAsciiDigit).ToArray());
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset >= file.Length)
            throw new InvalidDataException("Giá trị startxref ở cuối tệp PDF không hợp lệ.");
        return offset;
    }

    private static bool StartsWith(Stream file, long offset, ReadOnlySpan<byte> keyword)
    {
        file.Position = offset;
        Span<byte> head = stackalloc byte[keyword.Length];
        return file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(keyword);
    }
}
