using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// Judges a preservation copy with the tools directly, not through the converter's own verifier:
/// qpdf --check clean, XMP part 2 / conformance B, every tt02 property declared, an OutputIntent,
/// every font embedded. Returns the parsed XMP for further assertions.
/// </summary>
internal static class PdfAAssert
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XNamespace PdfAId = "http://www.aiim.org/pdfa/ns/id/";
    public static readonly XNamespace Tt02 = "http://archive.gov.vn/ns/tt02/1.0/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public static async Task<XDocument> IsPdfA2bAsync(string pdf)
    {
        var (exit, output, error) = await ExternalTool.RunAsync("qpdf", "qpdf", "--check", pdf);
        Assert.That(exit, Is.Zero, $"qpdf --check: {output}{error}");

        var fonts = (await ExternalTool.SucceedAsync("pdffonts", "poppler-utils", pdf)).Split('\n');
        var emb = fonts[0].IndexOf(" emb ", StringComparison.Ordinal) + 1;
        var rows = fonts.Skip(2).Where(l => l.Length > emb + 3).ToList();
        Assert.That(rows.Select(r => r.Substring(emb, 3)), Is.All.EqualTo("yes"), string.Join('\n', fonts));

        var trailer = await ExternalTool.SucceedAsync("qpdf", "qpdf", "--show-object=trailer", pdf);
        var root = await ExternalTool.SucceedAsync("qpdf", "qpdf", $"--show-object={Ref(trailer, "Root")}", pdf);
        Assert.That(root, Does.Match(@"/OutputIntents\s*\[\s*\d+ 0 R"), "catalog has an OutputIntent");
        var intent = await ExternalTool.SucceedAsync("qpdf", "qpdf",
            $"--show-object={Regex.Match(root, @"/OutputIntents\s*\[\s*(\d+) 0 R").Groups[1].Value}", pdf);
        Assert.That(intent, Does.Contain("/DestOutputProfile").And.Contain("/GTS_PDFA1"));

        if (Regex.Match(trailer, @"/Info\s+(\d+)\s+0\s+R") is { Success: true } info)
        {
            // PDF/A: Info entries must agree with XMP; ours live in XMP only (an empty /Author would contradict dc:creator).
            var infoDictionary = await ExternalTool.SucceedAsync("qpdf", "qpdf", $"--show-object={info.Groups[1].Value}", pdf);
            Assert.That(infoDictionary, Does.Not.Contain("/Author").And.Not.Contain("/Title"), infoDictionary);
        }

        var metadata = await ExternalTool.SucceedAsync("qpdf", "qpdf", $"--show-object={Ref(root, "Metadata")}", "--filtered-stream-data", pdf);
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(Encoding.UTF8.GetBytes(metadata)), settings);
        var xmp = XDocument.Load(reader);

        var descriptions = xmp.Descendants(Rdf + "Description").ToList();
        string? Value(XName name) =>
            descriptions.Select(d => (string?)d.Attribute(name) ?? (string?)d.Element(name)).SingleOrDefault(v => v is not null);
        Assert.That(Value(PdfAId + "part"), Is.EqualTo("2"));
        Assert.That(Value(PdfAId + "conformance"), Is.EqualTo("B"));

        var used = descriptions.SelectMany(d => d.Elements().Select(e => e.Name).Concat(d.Attributes().Select(a => a.Name)))
            .Where(n => n.Namespace == Tt02).Select(n => n.LocalName).ToList();
        var declared = xmp.Descendants(XName.Get("namespaceURI", "http://www.aiim.org/pdfa/ns/schema#"))
            .Where(e => e.Value == Tt02.NamespaceName)
            .SelectMany(e => e.Parent!.Descendants(XName.Get("name", "http://www.aiim.org/pdfa/ns/property#")))
            .Select(e => e.Value).ToHashSet();
        Assert.That(used, Is.Not.Empty, "the TT 02 properties are in the XMP");
        Assert.That(used, Is.Unique, "no tt02 property twice");
        Assert.That(declared, Is.SupersetOf(used), "every tt02 property is declared in the extension schema");
        // No property twice across descriptions (Ghostscript writes its own dc:title).
        var all = descriptions.SelectMany(d => d.Elements().Select(e => e.Name)).ToList();
        Assert.That(all, Is.Unique, "no XMP property appears twice");
        return xmp;
    }

    public static async Task<string> InfoAsync(string pdf)
    {
        var trailer = await ExternalTool.SucceedAsync("qpdf", "qpdf", "--show-object=trailer", pdf);
        return await ExternalTool.SucceedAsync("qpdf", "qpdf", $"--show-object={Ref(trailer, "Info")}", pdf);
    }

    public static string? Property(XDocument xmp, XName name) =>
        xmp.Descendants(name).Select(e => e.Value).FirstOrDefault();

    public static async Task<string> TextAsync(string pdf) =>
        (await ExternalTool.SucceedAsync("pdftotext", "poppler-utils", "-raw", "-enc", "UTF-8", pdf, "-")).Normalize(NormalizationForm.FormC);

    private static string Ref(string dictionary, string key) =>
        Regex.Match(dictionary, $@"/{key}\s+(\d+)\s+0\s+R") is { Success: true } m
            ? m.Groups[1].Value
            : throw new AssertionException($"no /{key} in {dictionary}");
}
