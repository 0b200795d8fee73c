using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Archive.Ingest.Conversion;

/// <summary>
/// A PDF's XMP metadata packet, parsed with DTDs prohibited (metadata comes from untrusted files).
/// </summary>
public sealed class XmpPacket
{
    private readonly XDocument _document;

    private XmpPacket(XDocument document) => _document = document;

    public XDocument Document => new(_document);

    /// <summary>Throws <see cref="XmlException"/> when the bytes are not well-formed XML or carry a DTD.</summary>
    public static XmpPacket Parse(byte[] bytes)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
        var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        if (document.Descendants(XmpNames.Rdf + "RDF").FirstOrDefault() is null)
            throw new XmlException("The XMP packet has no rdf:RDF element.");
        return new XmpPacket(document);
    }

    private XElement Rdf => _document.Descendants(XmpNames.Rdf + "RDF").First();

    /// <summary>All values of a simple property, as element or attribute, in any rdf:Description.</summary>
    public IReadOnlyList<string> Values(XName property) =>
        Rdf.Elements(XmpNames.Rdf + "Description")
            .SelectMany(d => d.Attributes(property).Select(a => a.Value).Concat(d.Elements(property).Select(e => e.Value)))
            .ToList();

    /// <summary>The names of the properties used from <paramref name="ns"/>, at the top level of any rdf:Description.</summary>
    public IReadOnlySet<string> PropertiesIn(XNamespace ns) =>
        Rdf.Elements(XmpNames.Rdf + "Description")
            .SelectMany(d => d.Elements().Select(e => e.Name).Concat(d.Attributes().Select(a => a.Name)))
            .Where(name => name.Namespace == ns)
            .Select(name => name.LocalName)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The property names the extension schemas declare for namespace <paramref name="ns"/>.</summary>
    public IReadOnlySet<string> DeclaredProperties(XNamespace ns) =>
        _document.Descendants(XmpNames.PdfAExtension + "schemas")
            .SelectMany(s => s.Descendants(XmpNames.Rdf + "li"))
            .Where(li => (string?)li.Element(XmpNames.PdfASchema + "namespaceURI") == ns.NamespaceName)
            .SelectMany(li => li.Descendants(XmpNames.PdfAProperty + "name"))
            .Select(name => name.Value.Trim())
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// This packet with the TT 02 metadata: every property <paramref name="metadata"/> sets is
    /// removed wherever it stood before (a converter's "Untitled" dc:title, an earlier copy of
    /// ours) so that none appears twice; other extension schemas are kept in the one schemas bag.
    /// </summary>
    public XmpPacket With(Tt02Xmp metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var copy = new XDocument(_document);
        var rdf = copy.Descendants(XmpNames.Rdf + "RDF").First();
        var ours = metadata.Descriptions();
        var replaced = ours.SelectMany(d => d.Elements()).Select(e => e.Name).ToHashSet();

        var otherSchemas = rdf.Descendants(XmpNames.PdfAExtension + "schemas")
            .SelectMany(s => s.Elements(XmpNames.Rdf + "Bag").Elements(XmpNames.Rdf + "li"))
            .Where(li => (string?)li.Element(XmpNames.PdfASchema + "namespaceURI") != XmpNames.Tt02.NamespaceName)
            .Select(li => new XElement(li))
            .ToList();

        foreach (var description in rdf.Elements(XmpNames.Rdf + "Description").ToList())
        {
            description.Elements().Where(e => replaced.Contains(e.Name) || e.Name.Namespace == XmpNames.Tt02).Remove();
            description.Attributes().Where(a => replaced.Contains(a.Name) || a.Name.Namespace == XmpNames.Tt02).Remove();
            var empty = !description.Elements().Any()
                && description.Attributes().All(a => a.IsNamespaceDeclaration || a.Name == XmpNames.Rdf + "about");
            if (empty) description.Remove();
        }

        ours[0].Descendants(XmpNames.Rdf + "Bag").First().Add(otherSchemas);
        rdf.Add(ours);
        return new XmpPacket(copy);
    }

    /// <summary>The packet as UTF-8 bytes (no byte-order mark before the xpacket header, as XMP wants).</summary>
    public byte[] ToBytes()
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings)) _document.Save(writer);
        return stream.ToArray();
    }
}
