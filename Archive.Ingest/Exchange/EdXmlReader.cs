using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Archive.Core.Catalog;
using Archive.Core.Issuing;

namespace Archive.Ingest.Exchange;

/// <summary>
/// Reads an edXML envelope as a stream: header fields into TT 02 metadata, attachments decoded from
/// base64 straight to files. DTDs are refused and no external entity is ever resolved (XXE), and
/// attachment names are reduced to a bare file name so that none can point outside the folder.
/// </summary>
public static class EdXmlReader
{
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";
    private const int Base64Chunk = 48 * 1024;

    public static async Task<EdXmlMessage> ReadAsync(Stream envelope, string attachmentFolder, long maxAttachmentBytes,
        CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0,
            IgnoreComments = true, IgnoreWhitespace = true,
        };
        XElement? header = null;
        var attachments = new List<EdXmlAttachment>();
        try
        {
            using var reader = XmlReader.Create(envelope, settings);
            if (await reader.MoveToContentAsync().ConfigureAwait(false) != XmlNodeType.Element || reader.LocalName != "edXMLEnvelope")
                throw new EdXmlFormatException($"Gói tin không phải edXML: phần tử gốc là <{reader.LocalName}>, cần <edXMLEnvelope>.");
            var more = await reader.ReadAsync().ConfigureAwait(false);
            while (more)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "edXMLHeader" && header is null)
                {
                    // The header is small: read it whole; only attachments are streamed.
                    using (var subtree = reader.ReadSubtree()) header = XElement.Load(subtree);
                    more = await reader.ReadAsync().ConfigureAwait(false);
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Attachment")
                {
                    attachments.Add(await ReadAttachmentAsync(reader, attachmentFolder, attachments.Count, maxAttachmentBytes, cancellationToken)
                        .ConfigureAwait(false));
                    more = !reader.EOF;
                }
                else
                {
                    more = await reader.ReadAsync().ConfigureAwait(false);
                }
            }
        }
        catch (XmlException e)
        {
            throw new EdXmlFormatException(e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "Gói tin edXML có khai báo DTD/thực thể (DOCTYPE): bị từ chối để tránh tấn công XXE."
                : $"Gói tin edXML không đúng cú pháp XML (dòng {e.LineNumber}, vị trí {e.LinePosition}).", e);
        }
        if (header is null) throw new EdXmlFormatException("Gói tin edXML không có phần đầu (edXMLHeader).");
        var message = header.Descendants().FirstOrDefault(e => e.Name.LocalName == "MessageHeader") ?? header;
        return new EdXmlMessage(Text(message, "DocumentId"), Text(message, "From", "OrganId"), Text(message, "From", "OrganName"),
            Text(message, "To", "OrganId"), Text(message, "To", "OrganName"), Text(message, "OtherInfo", "Priority"), ToMetadata(message),
            attachments)
        {
            SignerName = Text(message, "SignerInfo", "FullName"), SignerPosition = Text(message, "SignerInfo", "Position"),
            DueDate = Date(Text(message, "DueDate")), Content = Text(message, "Content"),
            IsRecall = Text(message, "SteeringType") == EdXmlEnvelopeWriter.RecallSteering,
        };
    }

    /// <summary>
    /// A status message a recipient sent back (its root's header holds a Status element): which document, from whom, what and when.
    /// Read whole: status messages are small, and refused beyond 1 MiB.
    /// </summary>
    public static async Task<DeliveryReport> ReadStatusAsync(Stream message, CancellationToken cancellationToken)
    {
        var settings = new XmlReaderSettings
        {
            Async = true, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersFromEntities = 0,
            MaxCharactersInDocument = 1 << 20, IgnoreComments = true,
        };
        XElement root;
        try
        {
            using var reader = XmlReader.Create(message, settings);
            root = await XElement.LoadAsync(reader, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        }
        catch (XmlException e)
        {
            throw new EdXmlFormatException(e.Message.Contains("DTD", StringComparison.Ordinal)
                ? "Thông điệp trạng thái có khai báo DTD/thực thể (DOCTYPE): bị từ chối để tránh tấn công XXE."
                : $"Thông điệp trạng thái không đúng cú pháp XML (dòng {e.LineNumber}, vị trí {e.LinePosition}).", e);
        }
        var status = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Status")
                     ?? throw new EdXmlFormatException("Tệp không phải thông điệp trạng thái edXML (thiếu phần tử Status).");
        var from = Text(status, "From", "OrganId")
                   ?? throw new EdXmlFormatException("Thông điệp trạng thái không ghi cơ quan gửi (From/OrganId).");
        var code = Text(status, "StatusCode");
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !Enum.IsDefined((DeliveryStatus)value)
            || value == 0)
            throw new EdXmlFormatException($"Mã trạng thái \"{code}\" không phải mã QCVN 102 (01 đến 06).");
        if (!DateTimeOffset.TryParse(Text(status, "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
            throw new EdXmlFormatException("Thông điệp trạng thái không có thời điểm (Timestamp) hợp lệ.");
        return new DeliveryReport(Text(status, "ResponseFor", "DocumentId"), Text(status, "ResponseFor", "Code"),
            Date(Text(status, "ResponseFor", "PromulgationDate")), from, (DeliveryStatus)value, Text(status, "Description"), at);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, ["yyyy-MM-dd", "dd/MM/yyyy", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None,
            out var date) ? date : null;

    /// <summary>The text of the first element found along the path of local names below <paramref name="root"/>.</summary>
    private static string? Text(XElement root, params string[] path)
    {
        IEnumerable<XElement> current = [root];
        foreach (var name in path) current = current.SelectMany(e => e.Elements()).Where(e => e.Name.LocalName == name);
        var value = current.FirstOrDefault()?.Value.Trim().Normalize(NormalizationForm.FormC);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The header mapped to TT 02 tags (TT02.md §9 to §1).</summary>
    private static Tt02Metadata ToMetadata(XElement message)
    {
        var metadata = Tt02Metadata.Empty
            .With("TypeName", Text(message, "DocumentType", "TypeName"))
            .With("CodeNumber", Text(message, "Code", "CodeNumber"))
            .With("CodeNotation", Text(message, "Code", "CodeNotation"))
            .With("OrganName", Text(message, "From", "OrganName"))
            .With("Subject", Text(message, "Subject"))
            .With("PageAmount", Text(message, "OtherInfo", "PageAmount"));
        if (Date(Text(message, "PromulgationInfo", "PromulgationDate")) is { } issued)
            metadata = metadata.With("IssuedDate", issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return metadata;
    }

    private static async Task<EdXmlAttachment> ReadAttachmentAsync(XmlReader reader, string folder, int index, long maxBytes,
        CancellationToken cancellationToken)
    {
        string? name = null, contentType = null, file = null;
        long length = 0;
        var depth = reader.Depth;
        if (reader.IsEmptyElement)
        {
            await reader.ReadAsync().ConfigureAwait(false);
            throw new EdXmlFormatException($"Tệp đính kèm thứ {index + 1} trong gói tin edXML rỗng.");
        }
        await reader.ReadAsync().ConfigureAwait(false);
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                await reader.ReadAsync().ConfigureAwait(false);
                continue;
            }
            switch (reader.LocalName)
            {
                case "AttachmentName" or "Name":
                    name = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    break;
                case "ContentType":
                    contentType = (await reader.ReadElementContentAsStringAsync().ConfigureAwait(false)).Trim();
                    break;
                case "AttachmentEncoded" or "ContentTransferEncoded":
                    file = Path.Combine(folder, $"{index + 1:D3}-{Guid.NewGuid():N}.part");
                    try
                    {
                        length = await DecodeAsync(reader, file, maxBytes, cancellationToken).ConfigureAwait(false);
                    }
                    catch
                    {
                        File.Delete(file);
                        throw;
                    }
                    break;
                default:
                    await reader.SkipAsync().ConfigureAwait(false);
                    break;
            }
        }
        await reader.ReadAsync().ConfigureAwait(false); // past </Attachment>
        if (file is null) throw new EdXmlFormatException($"Tệp đính kèm thứ {index + 1} trong gói tin edXML không có nội dung (AttachmentEncoded).");
        var safeName = SafeName(name, index);
        var final = Path.Combine(folder, $"{index + 1:D3}-{safeName}");
        File.Move(file, final);
        return new EdXmlAttachment(safeName, contentType, final, length);
    }

    private static async Task<long> DecodeAsync(XmlReader reader, string file, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Base64Chunk];
        long total = 0;
        await using var output = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        try
        {
            int read;
            while ((read = await reader.ReadElementContentAsBase64Async(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            {
                total += read;
                if (total > maxBytes)
                    throw new EdXmlFormatException($"Tệp đính kèm vượt quá giới hạn {maxBytes} byte.");
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (FormatException e)
        {
            throw new EdXmlFormatException("Nội dung tệp đính kèm không phải base64 hợp lệ.", e);
        }
        return total;
    }

    /// <summary>A bare, harmless file name: no folders, no "..", no control characters.</summary>
    internal static string SafeName(string? name, int index)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/').Split('/').LastOrDefault() ?? "");
        bare = new string(bare.Where(c => !char.IsControl(c) && c is not (':' or '*' or '?' or '"' or '<' or '>' or '|')).ToArray()).Trim();
        return bare is "" or "." or ".." ? $"dinh-kem-{index + 1}" : bare.Normalize(NormalizationForm.FormC);
    }
}
