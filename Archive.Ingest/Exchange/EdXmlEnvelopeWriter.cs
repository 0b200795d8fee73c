using System.Globalization;
using System.Text;
using System.Xml;
using Archive.Core.Issuing;

namespace Archive.Ingest.Exchange;

/// <summary>
/// Writes the edXML envelope (QCVN 102:2016) that carries an issued document to one recipient: the header (From, To, Code,
/// PromulgationInfo, DocumentType, Subject, SignerInfo, DueDate, OtherInfo with Priority and PageAmount, DocumentId) and the signed
/// file as a base64 attachment, streamed. A recall is the same header with SteeringType 1 and no attachment.
/// </summary>
public static class EdXmlEnvelopeWriter
{
    /// <summary>SteeringType of a recall (thu hồi); 0 is a document sent for the first time.</summary>
    public const string RecallSteering = "1";

    private const int Base64Chunk = 48 * 1024;

    /// <param name="attachment">The signed file; null for a recall.</param>
    /// <param name="content">Written as Content: a recall's reason.</param>
    public static async Task WriteAsync(Stream output, OutgoingDocument document, OutgoingRecipient recipient, string? attachmentName,
        Stream? attachment, CancellationToken cancellationToken, string? content = null)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var xml = XmlWriter.Create(output, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("edXMLEnvelope", EdXmlReader.Namespace);
        xml.WriteStartElement("edXMLHeader", EdXmlReader.Namespace);
        xml.WriteStartElement("MessageHeader", EdXmlReader.Namespace);
        Group(xml, "From", ("OrganId", document.Agency), ("OrganName", document.OrganName));
        Group(xml, "To", ("OrganId", recipient.OrganId), ("OrganName", recipient.OrganName));
        Group(xml, "Code", ("CodeNumber", document.Number?.ToString("00", CultureInfo.InvariantCulture)),
            ("CodeNotation", document.Notation));
        Group(xml, "PromulgationInfo", ("PromulgationDate", Date(document.IssueDate)));
        Group(xml, "DocumentType", ("Type", "1"), ("TypeName", document.TypeName));
        Element(xml, "Subject", document.Subject);
        Element(xml, "Content", content);
        Group(xml, "SignerInfo", ("FullName", document.SignerName));
        Element(xml, "DueDate", Date(document.DueDate));
        Group(xml, "OtherInfo", ("Priority", document.Priority),
            ("PageAmount", document.PageAmount?.ToString(CultureInfo.InvariantCulture)), ("PromulgationAmount", "1"));
        Element(xml, "SteeringType", attachment is null ? RecallSteering : "0");
        Element(xml, "DocumentId", document.ExchangeId);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("edXMLBody", EdXmlReader.Namespace);
        if (attachment is not null)
        {
            xml.WriteStartElement("edXMLManifest", EdXmlReader.Namespace);
            xml.WriteStartElement("Reference", EdXmlReader.Namespace);
            Element(xml, "AttachmentName", attachmentName);
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteStartElement("Attachment", EdXmlReader.Namespace);
            Element(xml, "ContentType", "application/pdf");
            Element(xml, "AttachmentName", attachmentName);
            xml.WriteStartElement("AttachmentEncoded", EdXmlReader.Namespace);
            var buffer = new byte[Base64Chunk];
            int read;
            while ((read = await attachment.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                xml.WriteBase64(buffer, 0, read);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndDocument();
        xml.Flush();
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Group(XmlWriter xml, string name, params (string Name, string? Value)[] children)
    {
        xml.WriteStartElement(name, EdXmlReader.Namespace);
        foreach (var (child, value) in children) Element(xml, child, value);
        xml.WriteEndElement();
    }

    private static void Element(XmlWriter xml, string name, string? value)
    {
        if (value is not null) xml.WriteElementString(name, EdXmlReader.Namespace, value);
    }
}
