using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.PdfSyntax;

/// <summary>
/// Writes PDF objects read by PdfPig back in PDF syntax (ISO 32000-1, 7.3), for the objects an
/// incremental update must redefine (the catalog, a page, the Info dictionary). Strings are written
/// as hex so that no escaping can go wrong; streams are never rewritten.
/// </summary>
internal static class PdfObjectWriter
{
    public static string Write(IToken token) => token switch
    {
        DictionaryToken d => "<<" + string.Concat(d.Data.Select(kv => " " + Name(kv.Key) + " " + Write(kv.Value))) + " >>",
        ArrayToken a => "[" + string.Join(' ', a.Data.Select(Write)) + "]",
        NameToken n => Name(n.Data),
        NumericToken n => n.Data.ToString(CultureInfo.InvariantCulture),
        IndirectReferenceToken r => $"{r.Data.ObjectNumber} {r.Data.Generation} R",
        HexToken h => "<" + Convert.ToHexString(h.Bytes.ToArray()) + ">",
        StringToken s => "<" + Convert.ToHexString(s.GetBytes()) + ">",
        BooleanToken b => b.Data ? "true" : "false",
        NullToken => "null",
        StreamToken => throw new NotSupportedException("A stream cannot be written inside another object."),
        _ => throw new NotSupportedException($"Cannot write PDF token {token.GetType().Name}."),
    };

    /// <summary>A name, with the characters the syntax reserves written as #xx.</summary>
    public static string Name(string name)
    {
        var text = new StringBuilder("/");
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            if (b is < 0x21 or > 0x7e or (byte)'#' or (byte)'/' or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']'
                or (byte)'{' or (byte)'}' or (byte)'%')
                text.Append('#').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            else
                text.Append((char)b);
        }
        return text.ToString();
    }

    /// <summary>A text string as UTF-16BE hex with its byte-order mark, so any Vietnamese text survives.</summary>
    public static string TextString(string text) =>
        "<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">";

    public static string Date(DateTimeOffset time)
    {
        var offset = time.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return $"D:{time:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):D2}'{Math.Abs(offset.Minutes):D2}'";
    }

    /// <summary>
    /// Lists an annotation on a page: the page's /Annots array (its own object, or the page redefined with it) gets the reference.
    /// </summary>
    /// <param name="objects">The objects the incremental update redefines, by number; the changed one is put there.</param>
    public static void AddAnnotation(UglyToad.PdfPig.Structure structure, DictionaryToken page, IndirectReference pageReference,
        string annotationReference, IDictionary<long, string> objects)
    {
        if (page.Data.TryGetValue("Annots", out var annots) && annots is IndirectReferenceToken annotsRef)
            objects[annotsRef.Data.ObjectNumber] = AppendToArray(structure.GetObject(annotsRef.Data).Data, annotationReference);
        else
            objects[pageReference.ObjectNumber] = WriteDictionary(page, new() { ["Annots"] = AppendToArray(annots, annotationReference) });
    }

    public static string AppendToArray(IToken? array, string item) => array switch
    {
        ArrayToken a => "[" + string.Join(' ', a.Data.Select(Write).Append(item)) + "]",
        null or NullToken => $"[{item}]",
        _ => throw new InvalidDataException("Mảng /Annots hoặc /Fields không hợp lệ."),
    };

    /// <summary>A dictionary written again with some entries replaced (or added) by raw PDF text.</summary>
    public static string WriteDictionary(DictionaryToken dictionary, Dictionary<string, string> replacements)
    {
        var text = new StringBuilder("<<");
        foreach (var (name, token) in dictionary.Data)
            if (!replacements.ContainsKey(name)) text.Append(' ').Append(Name(name)).Append(' ').Append(Write(token));
        foreach (var (name, raw) in replacements) text.Append(' ').Append(Name(name)).Append(' ').Append(raw);
        return text.Append(" >>").ToString();
    }
}
