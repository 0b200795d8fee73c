using System.Globalization;
using System.Xml.Linq;

namespace Archive.Core.Preservation;

/// <summary>
/// A document's preservation history as PREMIS 3 XML (www.loc.gov/standards/premis): its files as objects with their SHA-256,
/// size and format, its events in order, and the agents named by them. Identifiers are the archive's own ("local").
/// </summary>
public static class PremisXml
{
    public static readonly XNamespace Namespace = "http://www.loc.gov/premis/v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";
    private const string Local = "local";

    public static XDocument Of(IReadOnlyList<PremisFile> files, IReadOnlyList<PreservationEvent> events) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Namespace + "premis", new XAttribute("version", "3.0"),
                new XAttribute(XNamespace.Xmlns + "premis", Namespace), new XAttribute(XNamespace.Xmlns + "xsi", Xsi),
                files.Select(Object),
                events.OrderBy(e => e.At).Select(Event),
                events.Select(e => e.Agent).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(Agent)));

    private static XElement Object(PremisFile file) =>
        new(Namespace + "object", new XAttribute(Xsi + "type", "premis:file"),
            Identifier("object", file.Id),
            new XElement(Namespace + "objectCharacteristics",
                new XElement(Namespace + "fixity",
                    new XElement(Namespace + "messageDigestAlgorithm", "SHA-256"),
                    new XElement(Namespace + "messageDigest", file.Sha256)),
                new XElement(Namespace + "size", file.Length.ToString(CultureInfo.InvariantCulture)),
                new XElement(Namespace + "format",
                    new XElement(Namespace + "formatDesignation", new XElement(Namespace + "formatName", file.Format)))),
            new XElement(Namespace + "originalName", file.Name));

    private static XElement Event(PreservationEvent e) =>
        new(Namespace + "event",
            Identifier("event", e.Id),
            new XElement(Namespace + "eventType", e.Type),
            new XElement(Namespace + "eventDateTime", e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture)),
            e.Detail.Length > 0
                ? new XElement(Namespace + "eventDetailInformation", new XElement(Namespace + "eventDetail", e.Detail))
                : null,
            new XElement(Namespace + "eventOutcomeInformation", new XElement(Namespace + "eventOutcome", e.Outcome)),
            e.Agent.Length > 0 ? Identifier("linkingAgent", e.Agent) : null,
            Identifier("linkingObject", e.ObjectId));

    private static XElement Agent(string name) =>
        new(Namespace + "agent", Identifier("agent", name), new XElement(Namespace + "agentName", name));

    private static XElement Identifier(string kind, string value) =>
        new(Namespace + kind + "Identifier",
            new XElement(Namespace + kind + "IdentifierType", Local),
            new XElement(Namespace + kind + "IdentifierValue", value));
}
