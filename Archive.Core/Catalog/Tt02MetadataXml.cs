using System.Globalization;
using System.Xml.Linq;

namespace Archive.Core.Catalog;

/// <summary>
/// TT 02 metadata as XML (TT 02 Điều 10 asks for the metadata to be kept as XML too): one element per field, named by its
/// tag, in the order of the circular; a document, or a dossier (in a transfer package).
/// </summary>
public static class Tt02MetadataXml
{
    public static readonly XNamespace Namespace = "http://archive.gov.vn/ns/tt02/1.0/";

    public static XDocument Of(ArchivedDocument d) => Write("Document", d.Id, Tt02Fields.Document.All,
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DocCode"] = d.DocCode, ["FileCode"] = d.FileCode.Value, ["Identifier"] = d.Identifier, ["OrganId"] = d.OrganId.Value,
            ["FileCatalog"] = Number(d.FileCatalog), ["FileNotation"] = d.FileNotation, ["DocOrdinal"] = Number(d.DocOrdinal),
            ["TypeName"] = d.TypeName, ["CodeNumber"] = d.CodeNumber, ["CodeNotation"] = d.CodeNotation,
            ["IssuedDate"] = Date(d.IssuedDate),
            ["OrganName"] = d.OrganName, ["Subject"] = d.Subject, ["Language"] = d.Language?.Code, ["PageAmount"] = Number(d.PageAmount),
            ["Description"] = d.Description, ["InforSign"] = d.InforSign, ["Keyword"] = d.Keyword, ["Mode"] = d.Mode.Code,
            ["ConfidenceLevel"] = d.ConfidenceLevel?.Code, ["Autograph"] = d.Autograph, ["Format"] = d.Format,
        });

    public static XDocument Of(Dossier d) => Write("Dossier", d.FileCode.Value, Tt02Fields.Dossier.All,
        new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["FileCode"] = d.FileCode.Value, ["Identifier"] = d.Identifier, ["OrganId"] = d.OrganId.Value,
            ["FileCatalog"] = Number(d.FileCatalog), ["FileNotation"] = d.FileNotation, ["Title"] = d.Title,
            ["Maintenance"] = d.Maintenance.Value, ["Rights"] = d.Rights.Code, ["Language"] = d.Language.Code,
            ["StartDate"] = Date(d.StartDate), ["EndDate"] = Date(d.EndDate), ["DocTotal"] = Number(d.DocTotal),
            ["Description"] = d.Description, ["InforSign"] = d.InforSign, ["Keyword"] = d.Keyword, ["SheetTotal"] = Number(d.SheetTotal),
            ["PageTotal"] = Number(d.PageTotal), ["Format"] = d.Format, ["Creator"] = d.Creator,
        });

    private static XDocument Write(string element, string id, IEnumerable<Tt02Field> fields, Dictionary<string, string?> values) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Namespace + element, new XAttribute("id", id),
                fields.Where(f => !string.IsNullOrEmpty(values.GetValueOrDefault(f.Tag)))
                    .Select(f => new XElement(Namespace + f.Tag, values[f.Tag]))));

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Date(DateOnly? value) => value?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
