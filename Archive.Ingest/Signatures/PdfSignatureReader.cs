using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.AcroForms.Fields;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Reads every signed signature field of a PDF: the field tree through PdfPig, and /ByteRange and
/// /Contents checked against the raw bytes (DESIGN.md 4 step 1, section 9): the gap holds exactly
/// the /Contents hex string, the CMS is taken from the raw bytes and must equal PdfPig's token, and
/// the signed bytes end at the end of a revision.
/// </summary>
public static class PdfSignatureReader
{
    private static readonly NameToken ByteRangeKey = NameToken.Create("ByteRange");
    private static readonly NameToken ContentsKey = NameToken.Create("Contents");
    private static readonly NameToken SubFilterKey = NameToken.Create("SubFilter");
    private static readonly NameToken MKey = NameToken.Create("M");
    private static readonly NameToken VKey = NameToken.Create("V");

    /// <summary>The largest /Contents accepted; real CMS with a timestamp and revocation data stays far below.</summary>
    public const int MaxContentsBytes = 1 << 20;

    public static IReadOnlyList<PdfSignatureField> Read(PdfDocument document, Stream raw)
    {
        var result = new List<PdfSignatureField>();
        var scanner = document.Structure.TokenScanner;
        var pageSizes = new Dictionary<int, (double Width, double Height)?>();
        var fieldsInForm = document.TryGetForm(out var form) ? Terminals(form.Fields).ToList() : [];
        foreach (var field in fieldsInForm)
        {
            if (field is not AcroSignatureField) continue;
            if (!field.Dictionary.TryGet(VKey, out var valueToken) || valueToken is NullToken) continue; // empty field, not a signature
            var name = field.Information.PartialName ?? "(không tên)";
            var widget = Placement(document, field, pageSizes);
            if (!DirectObjectFinder.TryGet<DictionaryToken>(valueToken, scanner, out var sig) || sig is null)
            {
                result.Add(new PdfSignatureField { FieldName = name, Widget = widget, FormatProblem = "/V của trường chữ ký không phải từ điển /Sig." });
                continue;
            }
            result.Add(Placed(ReadSignature(name, sig, scanner, raw, widget), document, valueToken, raw));
        }
        // The same signature value reached from the form and from a page is one signature.
        var values = fieldsInForm.Select(f => f.Dictionary.Data.GetValueOrDefault("V")).OfType<IndirectReferenceToken>()
            .Select(r => r.Data).ToHashSet();
        var known = result.Select(f => f.FieldName).ToHashSet(StringComparer.Ordinal);
        foreach (var (page, widget) in SignatureWidgetsOnPages(document))
        {
            if (widget.Data["V"] is IndirectReferenceToken v && !values.Add(v.Data)) continue;
            var name = widget.Data.GetValueOrDefault("T") switch
            {
                StringToken t => t.Data,
                HexToken h => h.Data,
                _ => "(không tên)",
            };
            if (!known.Add(name)) continue;
            var placement = widget.TryGet(NameToken.Create("Rect"), scanner, out ArrayToken? rect) && rect is not null && rect.Data.Count == 4
                && rect.Data.All(x => x is NumericToken)
                ? PlacementOf(document, page, rect.Data.Cast<NumericToken>().Select(n => n.Double).ToArray(), pageSizes)
                : null;
            if (!DirectObjectFinder.TryGet<DictionaryToken>(widget.Data["V"], scanner, out var sig) || sig is null)
            {
                result.Add(new PdfSignatureField { FieldName = name, Widget = placement, FormatProblem = "/V của trường chữ ký không phải từ điển /Sig." });
                continue;
            }
            result.Add(Placed(ReadSignature(name, sig, scanner, raw, placement), document, widget.Data["V"], raw) with
            {
                ListedInForm = false,
            });
        }
        return result;
    }

    /// <summary>
    /// A signature must cover the revision that holds it: its dictionary lies inside what its /ByteRange signs, and the gap of the
    /// /ByteRange is that dictionary's own /Contents. A signature value copied into a later revision from an earlier one (which
    /// still verifies over the earlier revision) fails here, and only it.
    /// </summary>
    private static PdfSignatureField Placed(PdfSignatureField field, PdfDocument document, IToken value, Stream raw)
    {
        if (field.FormatProblem is not null || field.ByteRange is not { } range || value is not IndirectReferenceToken reference
            || !document.Structure.CrossReferenceTable.ObjectOffsets.TryGetValue(reference.Data, out var location)
            || location.Type != UglyToad.PdfPig.Core.XrefEntryType.File || location.Value1 <= 0)
            return field;
        var at = location.Value1;
        // Redefined after signing (the object is in the signed revision too): a modification after signing, judged as one.
        if (at >= range.End && DefinedBefore(raw, reference.Data, range.End)) return field;
        if (at >= range.End)
            return field with
            {
                Cms = null,
                FormatProblem = "Chữ ký nằm trong một phiên bản sau của tệp nhưng /ByteRange chỉ bao một phiên bản trước: " +
                                "chữ ký không ký phiên bản chứa nó (bị chép từ chỗ khác).",
            };
        return range.GapStart > at && !ObjectEndsBefore(raw, at, range.GapStart)
            ? field
            : field with
            {
                Cms = null,
                FormatProblem = "Khoảng trống của /ByteRange là /Contents của một đối tượng khác, không phải của từ điển chữ ký này.",
            };
    }

    /// <summary>
    /// Whether "N G obj" stands in the first <paramref name="end"/> bytes (an object the signed revision already had). Files whose
    /// signed part is over 64 MiB are taken to have it: the check is then left to the comparison of revisions.
    /// </summary>
    private static bool DefinedBefore(Stream raw, UglyToad.PdfPig.Core.IndirectReference reference, long end)
    {
        if (end > 64L << 20) return true;
        var buffer = new byte[end];
        raw.Position = 0;
        raw.ReadExactly(buffer);
        var header = Encoding.ASCII.GetBytes($"{reference.ObjectNumber} {reference.Generation} obj");
        for (var from = 0; ;)
        {
            var found = buffer.AsSpan(from).IndexOf(header);
            if (found < 0) return false;
            var at = from + found;
            if (at == 0 || buffer[at - 1] is (byte)'\n' or (byte)'\r' or (byte)' ') return true;
            from = at + 1;
        }
    }

    /// <summary>Whether the object starting at <paramref name="at"/> ends ("endobj") before <paramref name="gap"/>: then the gap
    /// is another object's. Only the bytes between are read (the dictionary's head, a few hundred bytes).</summary>
    private static bool ObjectEndsBefore(Stream raw, long at, long gap)
    {
        if (gap - at > MaxContentsBytes) return true; // no signature dictionary's head is that long
        var buffer = new byte[gap - at];
        raw.Position = at;
        raw.ReadExactly(buffer);
        return buffer.AsSpan().IndexOf("endobj"u8) >= 0;
    }

    /// <summary>Signed signature widgets found on the pages themselves, whether or not the AcroForm lists them.</summary>
    private static IEnumerable<(int Page, DictionaryToken Widget)> SignatureWidgetsOnPages(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        foreach (var (number, page) in PageTree.Pages(document))
        {
            if (!page.TryGet(NameToken.Create("Annots"), scanner, out ArrayToken? annots) || annots is null) continue;
            foreach (var item in annots.Data)
            {
                if (!DirectObjectFinder.TryGet<DictionaryToken>(item, scanner, out var annotation) || annotation is null) continue;
                if (!annotation.TryGet(NameToken.Create("FT"), scanner, out NameToken? ft) || ft?.Data != "Sig") continue;
                if (!annotation.Data.TryGetValue("V", out var v) || v is NullToken) continue;
                yield return (number, annotation);
            }
        }
    }

    private static WidgetPlacement? PlacementOf(PdfDocument document, int page, double[] r, Dictionary<int, (double Width, double Height)?> sizes) =>
        PageSize(document, page, sizes) is { } size
            ? new WidgetPlacement(page, Math.Min(r[0], r[2]), Math.Min(r[1], r[3]), Math.Max(r[0], r[2]), Math.Max(r[1], r[3]), size.Width, size.Height)
            : null;

    private static IEnumerable<AcroFieldBase> Terminals(IEnumerable<AcroFieldBase> fields)
    {
        foreach (var field in fields)
        {
            if (field is AcroNonTerminalField parent)
                foreach (var child in Terminals(parent.Children)) yield return child;
            else
                yield return field;
        }
    }

    private static WidgetPlacement? Placement(PdfDocument document, AcroFieldBase field, Dictionary<int, (double Width, double Height)?> sizes)
    {
        if (field.PageNumber is not { } page || field.Bounds is not { } bounds) return null;
        return PageSize(document, page, sizes) is { } size
            ? new WidgetPlacement(page, bounds.Left, bounds.Bottom, bounds.Right, bounds.Top, size.Width, size.Height)
            : null;
    }

    /// <summary>
    /// Page sizes from each page's (possibly inherited) /MediaBox, read at the token level once per
    /// page: parsing a whole page just for its size would cost more than the signature check.
    /// </summary>
    private static (double Width, double Height)? PageSize(PdfDocument document, int page, Dictionary<int, (double Width, double Height)?> sizes)
    {
        if (sizes.TryGetValue(page, out var known)) return known;
        var scanner = document.Structure.TokenScanner;
        var dictionary = PageTree.Pages(document).Where(p => p.Number == page).Select(p => p.Page).FirstOrDefault();
        for (var depth = 0; dictionary is not null && depth < 32; depth++)
        {
            if (dictionary.TryGet(NameToken.Create("MediaBox"), scanner, out ArrayToken? box) && box is not null
                && box.Data.Count == 4 && box.Data.All(t => t is NumericToken))
            {
                var v = box.Data.Cast<NumericToken>().Select(n => n.Double).ToArray();
                return sizes[page] = (Math.Abs(v[2] - v[0]), Math.Abs(v[3] - v[1]));
            }
            dictionary = dictionary.TryGet(NameToken.Create("Parent"), scanner, out DictionaryToken? parent) ? parent : null;
        }
        return sizes[page] = null;
    }

    private static PdfSignatureField ReadSignature(string name, DictionaryToken sig,
        UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner, Stream raw, WidgetPlacement? widget)
    {
        var subFilter = sig.TryGet(SubFilterKey, scanner, out NameToken? sf) ? sf?.Data : null;
        DateTimeOffset? claimed = null;
        if (sig.TryGet(MKey, scanner, out StringToken? m)) claimed = PdfDate.TryParse(m?.Data);
        var field = new PdfSignatureField { FieldName = name, SubFilter = subFilter, ClaimedTimeInPdf = claimed, Widget = widget };

        if (subFilter is not ("adbe.pkcs7.detached" or "ETSI.CAdES.detached" or "ETSI.RFC3161" or CmsSignatureVerifier.Pkcs7Sha1))
            return field with
            {
                FormatProblem = $"/SubFilter '{subFilter ?? "(không có)"}' không được hỗ trợ (cần adbe.pkcs7.detached, adbe.pkcs7.sha1 " +
                                "hoặc ETSI.CAdES.detached).",
            };

        if (!sig.TryGet(ByteRangeKey, scanner, out ArrayToken? array) || array is null)
            return field with { FormatProblem = "Thiếu /ByteRange hoặc /ByteRange không phải mảng." };
        var values = new List<long>();
        foreach (var item in array.Data)
        {
            if (item is not NumericToken { HasDecimalPlaces: false } number)
                return field with { FormatProblem = "/ByteRange chứa phần tử không phải số nguyên." };
            values.Add(number.Long);
        }
        if (!ByteRange.TryCreate(values, raw.Length, out var range, out var problem))
            return field with { FormatProblem = problem };
        field = field with { ByteRange = range };

        if (!sig.TryGet(ContentsKey, out var contentsToken) || contentsToken is NullToken)
            return field with { FormatProblem = "Thiếu /Contents (chữ ký rỗng)." };
        if (contentsToken is IndirectReferenceToken)
            return field with { FormatProblem = "/Contents là tham chiếu gián tiếp, không phải chuỗi hex trực tiếp." };
        var tokenBytes = contentsToken switch
        {
            HexToken hex => hex.Bytes.ToArray(),
            StringToken text => text.GetBytes(),
            _ => null,
        };
        if (tokenBytes is null)
            return field with { FormatProblem = "/Contents không phải chuỗi." };

        var gapLength = range!.GapEnd - range.GapStart;
        if (gapLength < 2 || gapLength > 2L * MaxContentsBytes + 2)
            return field with { FormatProblem = "Khoảng trống giữa hai vùng /ByteRange có kích thước bất thường." };
        var gap = new byte[gapLength];
        raw.Position = range.GapStart;
        raw.ReadExactly(gap);
        if (gap[0] != '<' || gap[^1] != '>')
            return field with { FormatProblem = "Khoảng trống của /ByteRange không đúng bằng chuỗi hex /Contents (bao bọc chữ ký)." };
        var hexDigits = gap.AsSpan(1, gap.Length - 2);
        foreach (var b in hexDigits)
            if (!char.IsAsciiHexDigit((char)b))
                return field with { FormatProblem = "/Contents chứa ký tự không phải hex, hoặc khoảng trống chứa dữ liệu khác ngoài /Contents." };
        if (hexDigits.Length % 2 != 0)
            return field with { FormatProblem = "/Contents có số chữ số hex lẻ." };
        var cms = Convert.FromHexString(Encoding.ASCII.GetString(hexDigits));
        if (!cms.AsSpan().SequenceEqual(tokenBytes))
            return field with { FormatProblem = "/Contents trong từ điển /Sig khác với chuỗi nằm trong khoảng trống của /ByteRange (bao bọc chữ ký)." };
        if (!PrecededByContentsKey(raw, range.GapStart))
            return field with { FormatProblem = "Khoảng trống của /ByteRange không phải là giá trị /Contents của từ điển chữ ký." };
        if (!EndsRevision(raw, range.End))
            return field with { FormatProblem = "/ByteRange không kết thúc ở cuối một phiên bản của tệp (%%EOF)." };
        return field with { Cms = cms };
    }

    private static bool PrecededByContentsKey(Stream raw, long gapStart)
    {
        var length = (int)Math.Min(64, gapStart);
        var before = new byte[length];
        raw.Position = gapStart - length;
        raw.ReadExactly(before);
        var text = Encoding.ASCII.GetString(before).TrimEnd(' ', '\r', '\n', '\t', '\f', '\0');
        return text.EndsWith("/Contents", StringComparison.Ordinal);
    }

    /// <summary>A revision ends with %%EOF and an optional end-of-line.</summary>
    private static bool EndsRevision(Stream raw, long end)
    {
        var length = (int)Math.Min(16, end);
        var tail = new byte[length];
        raw.Position = end - length;
        raw.ReadExactly(tail);
        return Encoding.ASCII.GetString(tail).TrimEnd('\r', '\n', ' ').EndsWith("%%EOF", StringComparison.Ordinal);
    }
}
