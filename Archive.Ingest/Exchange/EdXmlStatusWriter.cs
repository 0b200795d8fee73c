using Archive.Core.Issuing;
using System.Globalization;
using System.Text;
using System.Xml;

namespace Archive.Ingest.Exchange;

/// <summary>Writes the status message sent back to the sender: which document, what happened, and why (for a rejection).</summary>
public static class EdXmlStatusWriter
{
    public static void Write(Stream output, EdXmlMessage received, DeliveryStatus status, string? receiverOrganId,
        string? receiverOrganName, IReadOnlyList<string> reasons, DateTimeOffset at)
    {
        using var xml = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true });
        xml.WriteStartDocument();
        xml.WriteStartElement("edXMLEnvelope", EdXmlReader.Namespace);
        xml.WriteStartElement("edXMLHeader", EdXmlReader.Namespace);
        xml.WriteStartElement("Status", EdXmlReader.Namespace);
        xml.WriteStartElement("ResponseFor", EdXmlReader.Namespace);
        Element(xml, "OrganId", received.FromOrganId);
        Element(xml, "Code", received.Metadata["CodeNumber"] is { } n ? $"{n}/{received.Metadata["CodeNotation"]}" : null);
        Element(xml, "PromulgationDate", received.Metadata["IssuedDate"]);
        Element(xml, "DocumentId", received.DocumentId);
        xml.WriteEndElement();
        xml.WriteStartElement("From", EdXmlReader.Namespace);
        Element(xml, "OrganId", receiverOrganId);
        Element(xml, "OrganName", receiverOrganName);
        xml.WriteEndElement();
        Element(xml, "StatusCode", ((int)status).ToString("D2", CultureInfo.InvariantCulture));
        Element(xml, "Description", reasons.Count == 0 ? Describe(status) : $"{Describe(status)}: {string.Join("; ", reasons)}");
        Element(xml, "Timestamp", at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));
        xml.WriteEndDocument();
    }

    private static string Describe(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Received => "Đã đến",
        DeliveryStatus.Returned => "Từ chối tiếp nhận",
        DeliveryStatus.Accepted => "Đã tiếp nhận",
        DeliveryStatus.Assigned => "Đã phân công",
        DeliveryStatus.InProgress => "Đang xử lý",
        _ => "Hoàn thành",
    };

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null) xml.WriteElementString(name, EdXmlReader.Namespace, value);
    }
}
