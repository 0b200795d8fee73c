using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;

namespace Archive.Ingest.Signatures;

/// <summary>How signature validation opens PDFs, and which exceptions mean "this PDF is broken".</summary>
internal static class Parsing
{
    /// <summary>
    /// Lenient parsing repairs broken files by guessing object positions; a validator must see the
    /// file as its structure declares it, so that nothing hidden is "repaired" into view.
    /// </summary>
    public static ParsingOptions Strict => new() { UseLenientParsing = false, SkipMissingFonts = true };

    /// <summary>Files up to this size are parsed from memory: PdfPig reads a stream a byte at a time, several times slower.</summary>
    private const long InMemoryBytes = 32L << 20;

    /// <summary>
    /// Opens <paramref name="pdf"/> (read from its start; the caller keeps and closes it: PdfPig does not) with
    /// <see cref="Strict"/> parsing, from memory when it is small enough.
    /// </summary>
    public static PdfDocument Open(Stream pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        if (pdf.Length > InMemoryBytes) return PdfDocument.Open(pdf, Strict);
        var bytes = new byte[pdf.Length];
        pdf.Position = 0;
        pdf.ReadExactly(bytes);
        return PdfDocument.Open(bytes, Strict);
    }

    public static bool IsPdfFailure(Exception e) =>
        e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or FormatException or InvalidCastException or KeyNotFoundException or NullReferenceException or OverflowException
            or EndOfStreamException or NotSupportedException;
}
