namespace Archive.Tests.Support;

/// <summary>An edXML envelope from another agency (Sở Nội vụ, "Hỏa tốc") carrying one base64 attachment, unsigned.</summary>
public static class SampleEnvelope
{
    public static string Write(string path, byte[] attachment, string attachmentName = "../../cong-van.pdf")
    {
        File.WriteAllText(path, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><edXMLHeader><MessageHeader>
              <From><OrganId>000.00.04.G14</OrganId><OrganName>Sở Nội vụ tỉnh Hà Tĩnh</OrganName></From>
              <Code><CodeNumber>123</CodeNumber><CodeNotation>SNV-VP</CodeNotation></Code>
              <PromulgationInfo><PromulgationDate>2019-04-12</PromulgationDate></PromulgationInfo>
              <DocumentType><TypeName>Công văn</TypeName></DocumentType>
              <Subject>V/v lưu trữ hồ sơ điện tử</Subject>
              <OtherInfo><Priority>Hỏa tốc</Priority><PageAmount>1</PageAmount></OtherInfo>
              <DocumentId>000.00.04.G14,2019/04/12,123/SNV-VP</DocumentId>
            </MessageHeader></edXMLHeader><edXMLBody>
              <Attachment><AttachmentName>{attachmentName}</AttachmentName><AttachmentEncoded>{Convert.ToBase64String(attachment)}</AttachmentEncoded></Attachment>
            </edXMLBody></edXMLEnvelope>
            """);
        return path;
    }
}
