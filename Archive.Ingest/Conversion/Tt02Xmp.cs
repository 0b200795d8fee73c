using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Archive.Core.Catalog;
using Fields = Archive.Core.Catalog.Tt02Fields.Document;

namespace Archive.Ingest.Conversion;

/// <summary>
/// The TT 02 metadata of a document as XMP: a PDF/A extension schema declaring every tt02
/// property (PDF/A-2 clause 6.6.2.3.1 rejects an undeclared one), the tt02 values, and
/// dc:title (trích yếu) and dc:creator (cơ quan ban hành) for ordinary PDF readers.
/// </summary>
public sealed class Tt02Xmp
{
    private Tt02Xmp(IReadOnlyList<Tt02XmpProperty> properties, string? title, string creator, DateOnly? issuedDate)
    {
        Properties = properties;
        Title = title;
        Creator = creator;
        IssuedDate = issuedDate;
    }

    /// <summary>The non-empty TT 02 fields, in the circular's order.</summary>
    public IReadOnlyList<Tt02XmpProperty> Properties { get; }

    public string? Title { get; }

    public string Creator { get; }

    /// <summary>Becomes xmp:CreateDate (and the Info /CreationDate that must agree with it).</summary>
    public DateOnly? IssuedDate { get; }

    public static Tt02Xmp For(ArchivedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var values = new (Tt02Field Field, string? Value)[]
        {
            (Fields.DocCode, document.DocCode),
            (Fields.FileCode, document.FileCode.Value),
            (Fields.Identifier, document.Identifier),
            (Fields.OrganId, document.OrganId.Value),
            (Fields.FileCatalog, document.FileCatalog.ToString(CultureInfo.InvariantCulture)),
            (Fields.FileNotation, document.FileNotation),
            (Fields.DocOrdinal, document.DocOrdinal.ToString(CultureInfo.InvariantCulture)),
            (Fields.TypeName, document.TypeName),
            (Fields.CodeNumber, document.CodeNumber),
            (Fields.CodeNotation, document.CodeNotation),
            // TT 02 writes dates dd/mm/yyyy.
            (Fields.IssuedDate, document.IssuedDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
            (Fields.OrganName, document.OrganName),
            (Fields.Subject, document.Subject),
            (Fields.Language, document.Language?.Code),
            (Fields.PageAmount, document.PageAmount?.ToString(CultureInfo.InvariantCulture)),
            (Fields.Description, document.Description),
            (Fields.InforSign, document.InforSign),
            (Fields.Keyword, document.Keyword),
            (Fields.Mode, document.Mode.Code),
            (Fields.ConfidenceLevel, document.ConfidenceLevel?.Code),
            (Fields.Autograph, document.Autograph),
            (Fields.Format, document.Format),
            (Fields.Origin, document.Origin.VietnameseName()),
        };
        var properties = values
            .Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .Select(v => new Tt02XmpProperty(v.Field.Tag, Clean(v.Value!), v.Field.VietnameseName))
            .Where(p => p.Value.Length > 0)
            .ToList();
        var title = document.Subject is null ? null : Clean(document.Subject);
        return new Tt02Xmp(properties, string.IsNullOrEmpty(title) ? null : title, Clean(document.OrganName), document.IssuedDate);
    }

    /// <summary>
    /// NFC text without the characters XML cannot carry (control characters pasted from other
    /// systems would otherwise make the whole XMP unwritable).
    /// </summary>
    private static string Clean(string value) =>
        new string(value.Normalize(NormalizationForm.FormC).Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray()).Trim();

    /// <summary>
    /// The rdf:Description elements to add to a PDF's XMP packet. Values are text nodes, so
    /// XML escaping is done by System.Xml, never by hand.
    /// </summary>
    public IReadOnlyList<XElement> Descriptions()
    {
        var rdf = XmpNames.Rdf;
        var declaration = Description(
            new XAttribute(XNamespace.Xmlns + "pdfaExtension", XmpNames.PdfAExtension.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "pdfaSchema", XmpNames.PdfASchema.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "pdfaProperty", XmpNames.PdfAProperty.NamespaceName),
            new XElement(XmpNames.PdfAExtension + "schemas",
                new XElement(rdf + "Bag", SchemaDeclaration())));

        var values = Description(
            new XAttribute(XNamespace.Xmlns + XmpNames.Tt02Prefix, XmpNames.Tt02.NamespaceName),
            Properties.Select(p => new XElement(XmpNames.Tt02 + p.Name, p.Value)));

        var dublinCore = Description(
            new XAttribute(XNamespace.Xmlns + "dc", XmpNames.Dc.NamespaceName),
            Title is null ? null : new XElement(XmpNames.Dc + "title",
                new XElement(rdf + "Alt", new XElement(rdf + "li", new XAttribute(XNamespace.Xml + "lang", "x-default"), Title))),
            new XElement(XmpNames.Dc + "creator", new XElement(rdf + "Seq", new XElement(rdf + "li", Creator))));

        if (IssuedDate is not { } issued) return [declaration, values, dublinCore];
        var created = Description(
            new XAttribute(XNamespace.Xmlns + "xmp", XmpNames.Xmp.NamespaceName),
            new XElement(XmpNames.Xmp + "CreateDate", issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+07:00"));
        return [declaration, values, dublinCore, created];
    }

    /// <summary>
    /// The Info dictionary's /CreationDate that agrees with xmp:CreateDate (PDF/A wants both to say
    /// the same); null when the issue date is unknown and the converter's own dates stay.
    /// </summary>
    public string? PdfCreationDate =>
        IssuedDate is { } issued ? "D:" + issued.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "000000+07'00'" : null;

    /// <summary>The pdfaExtension schema entry that declares the tt02 namespace and every property it has.</summary>
    public XElement SchemaDeclaration()
    {
        var rdf = XmpNames.Rdf;
        var schema = XmpNames.PdfASchema;
        var property = XmpNames.PdfAProperty;
        return new XElement(rdf + "li", new XAttribute(rdf + "parseType", "Resource"),
            new XElement(schema + "schema", "Siêu dữ liệu văn bản theo Thông tư 02/2019/TT-BNV"),
            new XElement(schema + "namespaceURI", XmpNames.Tt02.NamespaceName),
            new XElement(schema + "prefix", XmpNames.Tt02Prefix),
            new XElement(schema + "property",
                new XElement(rdf + "Seq", Declared.Select(field =>
                    new XElement(rdf + "li", new XAttribute(rdf + "parseType", "Resource"),
                        new XElement(property + "name", field.Tag),
                        new XElement(property + "valueType", "Text"),
                        new XElement(property + "category", "external"),
                        new XElement(property + "description", field.VietnameseName))))));
    }

    /// <summary>Every field the schema declares: all TT 02 fields and the archive's Origin, used or not.</summary>
    private static IEnumerable<Tt02Field> Declared => Tt02Fields.Document.All.Append(Tt02Fields.Document.Origin);

    private static XElement Description(params object?[] content) =>
        new(XmpNames.Rdf + "Description",
            new XAttribute(XmpNames.Rdf + "about", ""),
            new XAttribute(XNamespace.Xmlns + "rdf", XmpNames.Rdf.NamespaceName),
            content);
}
