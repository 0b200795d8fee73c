using System.Globalization;
using System.Text.Json;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.Conversion;

/// <summary>
/// What the archive needs to know of a PDF's object structure, read from one <c>qpdf --json</c> pass
/// (objects in object streams included, names in canonical form, so <c>/Java#53cript</c> is seen
/// as <c>/JavaScript</c>): pages, encryption, signatures, dangerous names, fonts, and the catalog
/// entries PDF/A checks look at. One pass instead of a tool per question keeps ingest fast.
/// A converter's output, already open in PdfPig to have its XMP rewritten, is read there instead
/// (<see cref="Of(PdfDocument)"/>): a reader independent of the converter, without another process.
/// </summary>
/// <param name="Repaired">qpdf read the file only after repairing it (exit code 3, warnings).</param>
/// <param name="DangerousNames">Names of active or hidden content present: JavaScript, JS, Launch, EmbeddedFile(s), RichMedia.</param>
/// <param name="MetadataObject">Object number of the catalog's XMP stream; null when there is none.</param>
/// <param name="OutputIntent">Null when the catalog has no output intent; else whether the first one has an ICC profile.</param>
public sealed record PdfStructure(
    int Pages,
    bool Encrypted,
    bool Repaired,
    bool Signed,
    IReadOnlySet<string> DangerousNames,
    IReadOnlyList<PdfStructure.Font> Fonts,
    int? MetadataObject,
    int? InfoObject,
    bool? OutputIntent)
{
    /// <summary>A font dictionary: its /BaseFont and whether its program is in the file.</summary>
    public sealed record Font(string Name, bool Embedded);

    /// <summary>What is known of a PDF that needs a password to open: that it is encrypted.</summary>
    public static readonly PdfStructure PasswordProtected =
        new(0, Encrypted: true, Repaired: false, Signed: false, new HashSet<string>(), [], null, null, null);

    public static readonly IReadOnlySet<string> WatchedNames =
        new HashSet<string>(["/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/RichMedia"], StringComparer.Ordinal);

    /// <summary>Font types whose program must be embedded (Type 3 glyphs are PDF content; a Type 0 font is its descendant).</summary>
    private static readonly HashSet<string> ProgramFonts =
        new(["/Type1", "/MMType1", "/TrueType", "/CIDFontType0", "/CIDFontType2"], StringComparer.Ordinal);

    /// <summary>Reads qpdf's JSON version 2 output (<c>--json=2 --json-stream-data=none</c>).</summary>
    public static async Task<PdfStructure> ReadAsync(Stream qpdfJson, bool repaired, CancellationToken cancellationToken)
    {
        using var json = await JsonDocument.ParseAsync(qpdfJson, new JsonDocumentOptions { MaxDepth = 256 }, cancellationToken)
            .ConfigureAwait(false);
        var root = json.RootElement;
        var objects = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        JsonElement trailer = default;
        foreach (var entry in root.GetProperty("qpdf")[1].EnumerateObject())
        {
            var body = entry.Value.TryGetProperty("value", out var value) ? value
                : entry.Value.TryGetProperty("stream", out var stream) && stream.TryGetProperty("dict", out var dict) ? dict
                : default;
            if (entry.Name == "trailer") trailer = body;
            else if (entry.Name.StartsWith("obj:", StringComparison.Ordinal)) objects[entry.Name[4..]] = body;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var fonts = new List<Font>();
        var signed = false;
        foreach (var body in objects.Values)
            Walk(body, element =>
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (WatchedNames.Contains(property.Name)) names.Add(property.Name);
                    if (property.Value.ValueKind == JsonValueKind.String && WatchedNames.Contains(property.Value.GetString()!))
                        names.Add(property.Value.GetString()!);
                }
                if (element.TryGetProperty("/ByteRange", out _) && element.TryGetProperty("/Contents", out _)) signed = true;
                if (NameOf(element, "/Type") == "/Font" && NameOf(element, "/Subtype") is { } subtype && subtype != "/Type0")
                    fonts.Add(new Font(NameOf(element, "/BaseFont")?.TrimStart('/') ?? "[không tên]",
                        !ProgramFonts.Contains(subtype) || HasProgram(element, objects)));
            });
        if (root.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Object &&
            attachments.EnumerateObject().Any())
            names.Add("/EmbeddedFiles");

        JsonElement? catalog = trailer.ValueKind == JsonValueKind.Object && trailer.TryGetProperty("/Root", out var rootRef) ? Resolve(rootRef, objects) : null;
        bool? outputIntent = null;
        if (catalog is { } c && c.TryGetProperty("/OutputIntents", out var intents) && Resolve(intents, objects) is { ValueKind: JsonValueKind.Array } list)
            outputIntent = list.GetArrayLength() > 0 && Resolve(list[0], objects) is { ValueKind: JsonValueKind.Object } first &&
                first.TryGetProperty("/DestOutputProfile", out _);

        return new PdfStructure(
            Pages: root.TryGetProperty("pages", out var pages) ? pages.GetArrayLength() : 0,
            Encrypted: root.TryGetProperty("encrypt", out var encrypt) && encrypt.TryGetProperty("encrypted", out var e) && e.GetBoolean(),
            Repaired: repaired,
            Signed: signed,
            DangerousNames: names,
            Fonts: fonts,
            MetadataObject: catalog is { } m && m.TryGetProperty("/Metadata", out var metadata) ? ObjectNumber(metadata) : null,
            InfoObject: trailer.ValueKind == JsonValueKind.Object && trailer.TryGetProperty("/Info", out var info) ? ObjectNumber(info) : null,
            OutputIntent: outputIntent);
    }

    /// <summary>The same facts from a strictly parsed PdfPig document (which would have failed rather than repair it).</summary>
    public static PdfStructure Of(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var structure = document.Structure;
        var scanner = structure.TokenScanner;
        var dictionaries = new List<DictionaryToken>();
        foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys)
        {
            var token = structure.GetObject(reference).Data;
            Walk(token is StreamToken stream ? stream.StreamDictionary : token, dictionaries);
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var fonts = new List<Font>();
        var signed = false;
        foreach (var dictionary in dictionaries)
        {
            foreach (var (key, value) in dictionary.Data)
            {
                if (WatchedNames.Contains("/" + key)) names.Add("/" + key);
                if (value is NameToken name && WatchedNames.Contains("/" + name.Data)) names.Add("/" + name.Data);
            }
            if (dictionary.Data.ContainsKey("ByteRange") && dictionary.Data.ContainsKey("Contents")) signed = true;
            if (NameOf(dictionary, "Type") == "Font" && NameOf(dictionary, "Subtype") is { } subtype && subtype != "Type0")
                fonts.Add(new Font(NameOf(dictionary, "BaseFont") ?? "[không tên]",
                    !ProgramFonts.Contains("/" + subtype) || HasProgram(dictionary, structure)));
        }

        var catalog = structure.Catalog.CatalogDictionary;
        bool? outputIntent = null;
        if (catalog.Data.TryGetValue("OutputIntents", out var intents) && Resolve(intents, structure) is ArrayToken list)
            outputIntent = list.Data.Count > 0 && Resolve(list.Data[0], structure) is DictionaryToken first && first.Data.ContainsKey("DestOutputProfile");
        return new PdfStructure(
            Pages: document.NumberOfPages,
            Encrypted: document.IsEncrypted,
            Repaired: false,
            Signed: signed,
            DangerousNames: names,
            Fonts: fonts,
            MetadataObject: catalog.Data.TryGetValue("Metadata", out var metadata) && metadata is IndirectReferenceToken m ? (int)m.Data.ObjectNumber : null,
            InfoObject: structure.Trailer.Info is IndirectReferenceToken info ? (int)info.Data.ObjectNumber : null,
            OutputIntent: outputIntent);

        static string? NameOf(DictionaryToken dictionary, string key) =>
            dictionary.Data.TryGetValue(key, out var value) && value is NameToken name ? name.Data : null;
    }

    private static void Walk(IToken token, List<DictionaryToken> dictionaries)
    {
        switch (token)
        {
            case DictionaryToken dictionary:
                dictionaries.Add(dictionary);
                foreach (var value in dictionary.Data.Values) Walk(value, dictionaries);
                break;
            case ArrayToken array:
                foreach (var item in array.Data) Walk(item, dictionaries);
                break;
        }
    }

    private static bool HasProgram(DictionaryToken font, UglyToad.PdfPig.Structure structure) =>
        font.Data.TryGetValue("FontDescriptor", out var reference) && Resolve(reference, structure) is DictionaryToken descriptor &&
        (descriptor.Data.ContainsKey("FontFile") || descriptor.Data.ContainsKey("FontFile2") || descriptor.Data.ContainsKey("FontFile3"));

    private static IToken? Resolve(IToken token, UglyToad.PdfPig.Structure structure) =>
        token is IndirectReferenceToken reference ? structure.GetObject(reference.Data).Data : token;

    /// <summary>Visits every dictionary, nested ones included (fonts and actions may be direct objects).</summary>
    private static void Walk(JsonElement element, Action<JsonElement> visit)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                visit(element);
                foreach (var property in element.EnumerateObject()) Walk(property.Value, visit);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, visit);
                break;
        }
    }

    private static bool HasProgram(JsonElement font, Dictionary<string, JsonElement> objects) =>
        font.TryGetProperty("/FontDescriptor", out var reference) && Resolve(reference, objects) is { ValueKind: JsonValueKind.Object } descriptor &&
        (descriptor.TryGetProperty("/FontFile", out _) || descriptor.TryGetProperty("/FontFile2", out _) || descriptor.TryGetProperty("/FontFile3", out _));

    private static string? NameOf(JsonElement dictionary, string key) =>
        dictionary.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An indirect reference ("12 0 R") resolved to its object; a direct object as it is.</summary>
    private static JsonElement? Resolve(JsonElement element, Dictionary<string, JsonElement> objects) =>
        element.ValueKind == JsonValueKind.String && element.GetString() is { } s && s.EndsWith(" R", StringComparison.Ordinal)
            ? objects.TryGetValue(s, out var target) ? target : null
            : element;

    private static int? ObjectNumber(JsonElement reference) =>
        reference.ValueKind == JsonValueKind.String && reference.GetString() is { } s && s.EndsWith(" R", StringComparison.Ordinal) &&
        int.TryParse(s.AsSpan(0, s.IndexOf(' ')), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;
}
