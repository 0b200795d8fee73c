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

    public static bool IsPdfFailure(Exception e) =>
        e is PdfDocumentFormatException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
            or FormatException or InvalidCastException or KeyNotFoundException or NullReferenceException or OverflowException
            or EndOfStreamException or NotSupportedException;
}
