using System.Globalization;
using System.Xml.Linq;

namespace Archive.Core.Catalog;

/// <summary>
/// A document's TT 02 metadata as XML (TT 02 Điều 10 asks for the metadata to be kept as XML too):
/// one element per field, named by its tag, in the order of the circular.
/// </summary>
public static class Tt02MetadataXml
{
    public static readonly XNamespace Namespace = "http://archive.gov.vn/ns/tt02/1.0/";

    public static XDocument Of(ArchivedDocument d)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DocCode"] = d.DocCode, ["FileCode"] = d.FileCode.Value, ["Identifier"] = d.Identifier, ["OrganId"] = d.OrganId.Value,
            ["FileCatalog"] = d.FileCatalog.ToString(CultureInfo.InvariantCulture), ["FileNotation"] = d.FileNotation,
            ["DocOrdinal"] = d.DocOrdinal.ToString(CultureInfo.InvariantCulture), ["TypeName"] = d.TypeName, ["CodeNumber"] = d.CodeNumber,
            ["CodeNotation"] = d.CodeNotation, ["IssuedDate"] = d.IssuedDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["OrganName"] = d.OrganName, ["Subject"] = d.Subject, ["Language"] = d.Language?.Code,
            ["PageAmount"] = d.PageAmount?.ToString(CultureInfo.InvariantCulture), ["Description"] = d.Description, ["InforSign"] = d.InforSign,
            ["Keyword"] = d.Keyword, ["Mode"] = d.Mode.Code, ["ConfidenceLevel"] = d.ConfidenceLevel?.Code, ["Autograph"] = d.Autograph,
            ["Format"] = d.Format,
        };
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Namespace + "Document", new XAttribute("id", d.Id),
                Tt02Fields.Document.All.Where(f => !string.IsNullOrEmpty(values.GetValueOrDefault(f.Tag)))
                    .Select(f => new XElement(Namespace + f.Tag, values[f.Tag]))));
    }
}
