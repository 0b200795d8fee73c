using UglyToad.PdfPig;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Core;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Walks the page tree at the token level — cheap for large documents, safe against loops — to
/// find each page's dictionary and the annotations on it. Signature widgets are looked for here
/// too, because some writers (poppler's pdfsig among them) put a new signature on the page
/// without listing it in the AcroForm.
/// </summary>
internal static class PageTree
{
    private const int MaxDepth = 64;

    public static IEnumerable<(int Number, DictionaryToken Page)> Pages(PdfDocument document) =>
        PagesWithReferences(document).Select(p => (p.Number, p.Page));

    /// <summary>Each page with the reference it is stored under (null for a page written inline, which is malformed but seen).</summary>
    public static IEnumerable<(int Number, IndirectReference? Reference, DictionaryToken Page)> PagesWithReferences(PdfDocument document)
    {
        var scanner = document.Structure.TokenScanner;
        var catalog = document.Structure.Catalog.CatalogDictionary;
        if (!catalog.TryGet(NameToken.Create("Pages"), out var root)) yield break;
        var visited = new HashSet<IndirectReference>();
        var number = 0;
        var stack = new Stack<(IToken Node, int Depth)>();
        stack.Push((root, 0));
        while (stack.Count > 0)
        {
            var (node, depth) = stack.Pop();
            if (node is IndirectReferenceToken reference && !visited.Add(reference.Data)) continue;
            if (depth > MaxDepth || !DirectObjectFinder.TryGet<DictionaryToken>(node, scanner, out var dictionary) || dictionary is null) continue;
            if (dictionary.TryGet(NameToken.Create("Kids"), scanner, out ArrayToken? kids) && kids is not null)
            {
                for (var i = kids.Data.Count - 1; i >= 0; i--) stack.Push((kids.Data[i], depth + 1));
                continue;
            }
            yield return (++number, (node as IndirectReferenceToken)?.Data, dictionary);
        }
    }

    /// <summary>The references used as a page's /Annots array or the AcroForm's /Fields array, when those arrays are indirect.</summary>
    public static HashSet<IndirectReference> IndirectFieldAndAnnotationArrays(PdfDocument document)
    {
        var result = new HashSet<IndirectReference>();
        foreach (var (_, page) in Pages(document))
            if (page.Data.TryGetValue("Annots", out var annots) && annots is IndirectReferenceToken a) result.Add(a.Data);
        var scanner = document.Structure.TokenScanner;
        if (document.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Create("AcroForm"), scanner, out DictionaryToken? form) && form is not null
            && form.Data.TryGetValue("Fields", out var fields) && fields is IndirectReferenceToken f)
            result.Add(f.Data);
        return result;
    }
}
