namespace Archive.Tests.Ingest.Exchange;

/// <summary>An edXML envelope (QCVN 102:2016) as another agency's system sends it: the header, and one base64 attachment.</summary>
public static class EdXmlEnvelope
{
    public const string SenderOrganId = "000.00.04.G14";
    public const string SenderOrganName = "Sở Nội vụ tỉnh Hà Tĩnh";
    public const string ReceiverOrganId = "000.00.00.H42";
    public const string ReceiverOrganName = "Ủy ban nhân dân tỉnh Hà Tĩnh";

    public static string Write(string path, string attachmentName, byte[] attachment, DateOnly issued, string codeNumber = "123",
        string codeNotation = "SNV-VP", string priority = "Hỏa tốc")
    {
        var date = issued.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLHeader><MessageHeader>
              <From><OrganId>{SenderOrganId}</OrganId><OrganName>{SenderOrganName}</OrganName></From>
              <To><OrganId>{ReceiverOrganId}</OrganId><OrganName>{ReceiverOrganName}</OrganName></To>
              <Code><CodeNumber>{codeNumber}</CodeNumber><CodeNotation>{codeNotation}</CodeNotation></Code>
              <PromulgationInfo><PromulgationDate>{date}</PromulgationDate></PromulgationInfo>
              <DocumentType><TypeName>Công văn</TypeName></DocumentType>
              <Subject>V/v lưu trữ hồ sơ điện tử</Subject>
              <OtherInfo><Priority>{priority}</Priority><PageAmount>1</PageAmount></OtherInfo>
              <DocumentId>{SenderOrganId},{issued:yyyy/MM/dd},{codeNumber}/{codeNotation}</DocumentId>
            </MessageHeader></edXMLHeader><edXMLBody>
              <Attachment><AttachmentName>{attachmentName}</AttachmentName><AttachmentEncoded>{Convert.ToBase64String(attachment,
                  Base64FormattingOptions.InsertLineBreaks)}</AttachmentEncoded></Attachment>
            </edXMLBody></edXMLEnvelope>
            """);
        return path;
    }
}
