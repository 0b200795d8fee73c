using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.Signatures;

/// <summary>
/// What the incremental updates after a signed revision changed (DESIGN.md 4 step 3). The signed
/// revision (a prefix of the file) and the whole file are both opened; every object whose definition
/// differs is classified. Allowed: a later signature or form fill, DSS, the AcroForm, annotations
/// added to a page, XMP metadata. Disallowed: page content, resources, fonts, images, the page tree,
/// any other catalog entry, a replaced /Root, or a replaced signature value — which is how the
/// incremental saving and shadow attacks change what a reader sees under an intact signature.
/// </summary>
internal static class PostSigningChanges
{
    private static readonly HashSet<string> AllowedCatalogKeys = new(StringComparer.Ordinal) { "AcroForm", "DSS", "Extensions" };

    public static (ModificationLevel Level, IReadOnlyList<string> Changes) Analyse(PdfDocument whole, Func<Stream> openFile, long revisionEnd)
    {
        using var revision = new ReadOnlyWindowStream(openFile(), revisionEnd);
        PdfDocument signed;
        try
        {
            signed = Parsing.Open(revision);
        }
        catch (Exception e) when (Parsing.IsPdfFailure(e))
        {
            return (ModificationLevel.Disallowed, ["Không đọc được phiên bản đã ký để so sánh (cấu trúc PDF hỏng)."]);
        }
        using (signed)
        {
            var changes = new List<string>();
            var disallowed = false;
            void Note(bool bad, string text)
            {
                disallowed |= bad;
                changes.Add(text);
            }

            if (!signed.Structure.Trailer.Root.Equals(whole.Structure.Trailer.Root))
                Note(true, "Danh mục gốc (/Root) bị thay bằng đối tượng khác.");

            HashSet<IndirectReference>? arrays = null;
            var before = signed.Structure.CrossReferenceTable.ObjectOffsets;
            var after = whole.Structure.CrossReferenceTable.ObjectOffsets;
            foreach (var (reference, offset) in before)
            {
                if (!after.TryGetValue(reference, out var newOffset))
                {
                    Note(true, $"Đối tượng {reference} bị xoá.");
                    continue;
                }
                if (Equals(newOffset, offset)) continue;
                IToken? old, now;
                try
                {
                    old = signed.Structure.GetObject(reference).Data;
                    now = whole.Structure.GetObject(reference).Data;
                }
                catch (Exception e) when (Parsing.IsPdfFailure(e))
                {
                    Note(true, $"Đối tượng {reference} không đọc được sau khi ký.");
                    continue;
                }
                if (TokenEquality.Equal(old, now)) continue;
                if (old is ArrayToken oldArray && now is ArrayToken newArray)
                {
                    arrays ??= PageTree.IndirectFieldAndAnnotationArrays(whole);
                    var appended = newArray.Data.Count >= oldArray.Data.Count && oldArray.Data.Zip(newArray.Data).All(p => TokenEquality.Equal(p.First, p.Second));
                    if (appended && arrays.Contains(reference))
                    {
                        Note(false, $"Mảng trường/chú thích {reference.ObjectNumber} {reference.Generation} được nối thêm (chữ ký sau).");
                        continue;
                    }
                }
                var (bad, text) = Classify(reference, old, now, whole);
                Note(bad, text);
            }
            // A certification signature (DocMDP) narrows what is allowed after it (ISO 32000-1, 12.8.2.2).
            if (changes.Count > 0 && !disallowed && DocMdpPermissions(signed) is { } p)
            {
                if (p == 1)
                    Note(true, "Tài liệu được chứng nhận (DocMDP P=1) không cho phép bất kỳ thay đổi nào sau khi ký.");
                else if (p == 2 && changes.Any(c => c.Contains("chú thích /", StringComparison.Ordinal) || c.StartsWith("Chú thích", StringComparison.Ordinal)))
                    Note(true, "Tài liệu được chứng nhận (DocMDP P=2) chỉ cho phép điền biểu mẫu và ký, không cho phép thêm chú thích.");
            }
            var level = disallowed ? ModificationLevel.Disallowed : changes.Count > 0 ? ModificationLevel.Allowed : ModificationLevel.None;
            return (level, changes);
        }
    }

    /// <summary>The /P of the DocMDP transform the signed revision's catalog points to (default 2); null when not certified.</summary>
    internal static int? DocMdpPermissions(PdfDocument signed)
    {
        var scanner = signed.Structure.TokenScanner;
        var catalog = signed.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.Create("Perms"), scanner, out DictionaryToken? perms) || perms is null
            || !perms.TryGet(NameToken.Create("DocMDP"), scanner, out DictionaryToken? signature) || signature is null)
            return null;
        if (!signature.TryGet(NameToken.Create("Reference"), scanner, out ArrayToken? references) || references is null) return 2;
        foreach (var item in references.Data)
        {
            if (!UglyToad.PdfPig.Parser.Parts.DirectObjectFinder.TryGet<DictionaryToken>(item, scanner, out var reference) || reference is null) continue;
            if (!reference.TryGet(NameToken.Create("TransformMethod"), scanner, out NameToken? method) || method?.Data != "DocMDP") continue;
            if (reference.TryGet(NameToken.Create("TransformParams"), scanner, out DictionaryToken? parameters) && parameters is not null
                && parameters.TryGet(NameToken.Create("P"), scanner, out NumericToken? level) && level is not null)
                return Math.Clamp(level.Int, 1, 3);
            return 2;
        }
        return 2;
    }

    private static (bool Disallowed, string Text) Classify(IndirectReference reference, IToken old, IToken now, PdfDocument whole)
    {
        var id = $"{reference.ObjectNumber} {reference.Generation}";
        if (old is StreamToken oldStream)
        {
            return Type(oldStream.StreamDictionary) == "Metadata"
                ? (false, $"Siêu dữ liệu XMP (đối tượng {id}) được cập nhật.")
                : (true, $"Luồng dữ liệu {id} (nội dung trang, ảnh, phông chữ hoặc tài nguyên) bị thay đổi.");
        }
        if (old is not DictionaryToken oldDict || now is not DictionaryToken newDict)
            return (true, $"Đối tượng {id} bị thay đổi.");
        var keys = TokenEquality.ChangedKeys(oldDict, newDict);
        var type = Type(oldDict);
        if (type == "Catalog")
        {
            var other = keys.Where(k => !AllowedCatalogKeys.Contains(k)).ToList();
            return other.Count > 0
                ? (true, $"Danh mục gốc (Catalog) bị thay đổi: /{string.Join(", /", other)}.")
                : (false, $"Danh mục gốc: cập nhật /{string.Join(", /", keys)} (chữ ký sau, DSS).");
        }
        if (type == "Page")
        {
            var other = keys.Where(k => k != "Annots").ToList();
            if (other.Count > 0) return (true, $"Trang (đối tượng {id}) bị thay đổi: /{string.Join(", /", other)}.");
            return AnnotationChange(id, oldDict, newDict, whole);
        }
        if (IsField(oldDict, out var fieldType))
        {
            if (fieldType == "Sig")
            {
                var hadValue = oldDict.Data.TryGetValue("V", out var v) && v is not NullToken;
                return hadValue && keys.Contains("V")
                    ? (true, $"Giá trị của trường chữ ký {id} bị thay (thay chữ ký đã có).")
                    : (false, $"Trường chữ ký {id} được ký hoặc cập nhật hình hiển thị.");
            }
            return (false, $"Điền biểu mẫu: trường {id} ({fieldType}).");
        }
        if (oldDict.Data.ContainsKey("Fields")) return (false, "Biểu mẫu (AcroForm) được cập nhật: thêm trường chữ ký.");
        if (type == "Annot" || oldDict.Data.ContainsKey("Subtype") && oldDict.Data.ContainsKey("Rect"))
            return (false, $"Chú thích {id} được sửa.");
        return (true, $"Đối tượng {id}{(type is null ? "" : $" (/{type})")} bị thay đổi: /{string.Join(", /", keys)}.");
    }

    private static (bool, string) AnnotationChange(string id, DictionaryToken oldPage, DictionaryToken newPage, PdfDocument whole)
    {
        var oldAnnots = References(oldPage);
        var newAnnots = References(newPage);
        if (oldAnnots.Except(newAnnots).Any()) return (true, $"Chú thích bị gỡ khỏi trang (đối tượng {id}).");
        var added = newAnnots.Except(oldAnnots).ToList();
        var kinds = new List<string>();
        foreach (var reference in added)
        {
            DictionaryToken? annotation = null;
            try
            {
                annotation = whole.Structure.GetObject(reference).Data as DictionaryToken;
            }
            catch (Exception e) when (Parsing.IsPdfFailure(e))
            {
                return (true, $"Chú thích {reference} thêm vào trang không đọc được.");
            }
            if (annotation is null) return (true, $"Chú thích {reference} thêm vào trang không hợp lệ.");
            kinds.Add(IsField(annotation, out var ft) && ft == "Sig"
                ? "trường chữ ký"
                : $"chú thích /{(annotation.Data.TryGetValue("Subtype", out var s) && s is NameToken n ? n.Data : "?")}");
        }
        return (false, $"Trang (đối tượng {id}) được thêm: {string.Join(", ", kinds.Distinct())}.");
    }

    private static List<IndirectReference> References(DictionaryToken page) =>
        page.Data.TryGetValue("Annots", out var annots) && annots is ArrayToken array
            ? array.Data.OfType<IndirectReferenceToken>().Select(r => r.Data).ToList()
            : [];

    private static bool IsField(DictionaryToken dictionary, out string? fieldType)
    {
        fieldType = dictionary.Data.TryGetValue("FT", out var ft) && ft is NameToken name ? name.Data : null;
        return fieldType is not null;
    }

    private static string? Type(DictionaryToken dictionary) =>
        dictionary.Data.TryGetValue("Type", out var t) && t is NameToken name ? name.Data : null;
}
