using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Archive.Core.Catalog;
using Archive.Core.Preservation;

namespace Archive.Ingest.Transfers;

/// <summary>
/// Reads what <see cref="TransferExport"/> writes into a package's payload: the TT 02 XML of dossiers and documents, PREMIS
/// histories, signature reports. XML is read with DTDs prohibited (no entities, no external references) and a size limit; every
/// problem names the file.
/// </summary>
internal sealed class TransferPayloadReader
{
    private const long MaxXmlCharacters = 16 * 1024 * 1024;
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxXmlCharacters,
    };

    /// <summary>The TT 02 fields of a dossier or document element, by tag, and its id attribute.</summary>
    public (Tt02Metadata Metadata, string? Id) Tt02(string path, string element, List<string> problems, string shown)
    {
        var root = Load(path, problems, shown);
        if (root is null) return (Tt02Metadata.Empty, null);
        if (root.Name != Tt02MetadataXml.Namespace + element)
        {
            problems.Add($"{shown}: phần tử gốc phải là {element} trong không gian tên TT 02.");
            return (Tt02Metadata.Empty, null);
        }
        var metadata = Tt02Metadata.Empty;
        foreach (var field in root.Elements())
            metadata = metadata.With(field.Name.LocalName, field.Value);
        return (metadata, root.Attribute("id")?.Value);
    }

    /// <summary>The events of a PREMIS document, and the SHA-256 it gives for each of its objects by name.</summary>
    public (IReadOnlyList<PreservationEvent> Events, IReadOnlyDictionary<string, string> Digests) Premis(string path,
        List<string> problems, string shown)
    {
        var root = Load(path, problems, shown);
        var p = PremisXml.Namespace;
        if (root is null || root.Name != p + "premis")
        {
            if (root is not null) problems.Add($"{shown}: không phải tài liệu PREMIS 3.");
            return ([], new Dictionary<string, string>());
        }
        var digests = root.Elements(p + "object").ToDictionary(
            o => o.Element(p + "originalName")?.Value ?? "", o => o.Descendants(p + "messageDigest").FirstOrDefault()?.Value ?? "",
            StringComparer.Ordinal);
        var events = new List<PreservationEvent>();
        foreach (var e in root.Elements(p + "event"))
        {
            var at = e.Element(p + "eventDateTime")?.Value;
            if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var when))
            {
                problems.Add($"{shown}: sự kiện có thời điểm '{at}' không hợp lệ.");
                continue;
            }
            events.Add(new PreservationEvent
            {
                Id = e.Element(p + "eventIdentifier")?.Element(p + "eventIdentifierValue")?.Value ?? Guid.CreateVersion7().ToString("N"),
                Type = e.Element(p + "eventType")?.Value ?? "",
                At = when,
                Detail = e.Descendants(p + "eventDetail").FirstOrDefault()?.Value ?? "",
                Outcome = e.Descendants(p + "eventOutcome").FirstOrDefault()?.Value ?? "",
                Agent = e.Element(p + "linkingAgentIdentifier")?.Element(p + "linkingAgentIdentifierValue")?.Value ?? "",
                ObjectId = e.Element(p + "linkingObjectIdentifier")?.Element(p + "linkingObjectIdentifierValue")?.Value ?? "",
            });
        }
        return (events, digests);
    }

    /// <summary>The indication of a stored signature report (chu-ky.json), or null when it cannot be read.</summary>
    public string? Indication(string json, List<string> problems, string shown)
    {
        try
        {
            using var report = JsonDocument.Parse(json);
            return report.RootElement.TryGetProperty("indication", out var indication) ? indication.GetString() : null;
        }
        catch (JsonException)
        {
            problems.Add($"{shown}: báo cáo chữ ký không phải JSON hợp lệ.");
            return null;
        }
    }

    private static XElement? Load(string path, List<string> problems, string shown)
    {
        try
        {
            using var reader = XmlReader.Create(path, Settings);
            return XDocument.Load(reader).Root;
        }
        catch (XmlException e)
        {
            problems.Add(e.Message.Contains("DTD", StringComparison.Ordinal)
                ? $"{shown}: XML không hợp lệ (có khai báo DTD, bị cấm vì an toàn: thực thể ngoài, bom XML)."
                : $"{shown}: XML không hợp lệ (dòng {e.LineNumber}, vị trí {e.LinePosition}).");
            return null;
        }
    }
}
