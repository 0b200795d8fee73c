using System.Text;

namespace Archive.Ingest.Signatures;

/// <summary>
/// One streaming pass over a PDF's raw bytes for what the parsed structure can hide: how many
/// /ByteRange keys the file holds (a signature dropped from a later revision's form still has its
/// bytes in the file), and whether the file ends with a complete revision (%%EOF) rather than with
/// bytes a repairing viewer might show.
/// </summary>
internal sealed record RawPdfScan(int ByteRangeKeys, bool EndsWithCompleteRevision)
{
    private static readonly byte[] Key = "/ByteRange"u8.ToArray();

    public static RawPdfScan Of(Stream file)
    {
        var count = 0;
        var buffer = new byte[1 << 16];
        var carry = 0;
        file.Position = 0;
        while (true)
        {
            var read = file.Read(buffer, carry, buffer.Length - carry);
            if (read == 0) break;
            var span = buffer.AsSpan(0, carry + read);
            var searchFrom = 0;
            int at;
            while ((at = span[searchFrom..].IndexOf(Key)) >= 0)
            {
                count++;
                searchFrom += at + Key.Length;
            }
            // Keep the last few bytes so a key split across two reads is still found, never twice.
            carry = Math.Min(Key.Length - 1, span.Length - searchFrom);
            span[^carry..].CopyTo(buffer);
        }
        var tailLength = (int)Math.Min(1024, file.Length);
        var tail = new byte[tailLength];
        file.Position = file.Length - tailLength;
        file.ReadExactly(tail);
        var ends = Encoding.Latin1.GetString(tail).TrimEnd('\r', '\n', ' ', '\t', '\f', '\0').EndsWith("%%EOF", StringComparison.Ordinal);
        return new RawPdfScan(count, ends);
    }
}
