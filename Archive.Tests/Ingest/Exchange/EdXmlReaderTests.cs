using Archive.Core.Issuing;
using System.Text;
using Archive.Ingest.Exchange;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Exchange;

public sealed class EdXmlReaderTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder("edxml");

    [TearDown]
    public void TearDown() => _folder.Dispose();

    private static string Envelope(string attachments, string doctype = "") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        {doctype}
        <edXMLEnvelope xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016">
          <edXMLHeader>
            <MessageHeader>
              <From><OrganId>000.00.04.G14</OrganId><OrganName>Sở Thông tin và Truyền thông tỉnh Hà Tĩnh</OrganName></From>
              <To><OrganId>000.00.00.H42</OrganId><OrganName>Ủy ban nhân dân tỉnh Hà Tĩnh</OrganName></To>
              <Code><CodeNumber>123</CodeNumber><CodeNotation>STTTT-VP</CodeNotation></Code>
              <PromulgationInfo><Place>Hà Tĩnh</Place><PromulgationDate>2019-04-12</PromulgationDate></PromulgationInfo>
              <DocumentType><Type>1</Type><TypeName>Công văn</TypeName></DocumentType>
              <Subject>V/v triển khai gửi, nhận văn bản điện tử</Subject>
              <OtherInfo><Priority>Hỏa tốc</Priority><PageAmount>2</PageAmount></OtherInfo>
              <DocumentId>000.00.04.G14,2019/04/12,123/STTTT-VP</DocumentId>
            </MessageHeader>
          </edXMLHeader>
          <edXMLBody>
            <edXMLManifest><Reference ContentId="a1"/></edXMLManifest>
            {attachments}
          </edXMLBody>
        </edXMLEnvelope>
        """;

    private static string Attachment(string name, byte[] content) =>
        $"<Attachment ContentId=\"a1\"><ContentType>application/pdf</ContentType><AttachmentName>{name}</AttachmentName>" +
        $"<AttachmentEncoded>{Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks)}</AttachmentEncoded></Attachment>";

    private Task<EdXmlMessage> Read(string xml, long limit = 10 << 20) =>
        EdXmlReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(xml)), _folder.Path, limit, CancellationToken.None);

    [Test]
    public async Task The_header_becomes_tt02_metadata_and_attachments_are_decoded_to_files()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n" + new string('x', 200_000));
        var second = Encoding.UTF8.GetBytes("phụ lục");

        var message = await Read(Envelope(Attachment("cong-van.pdf", pdf) + Attachment("phu-luc.txt", second)));

        Assert.That(message.FromOrganId, Is.EqualTo("000.00.04.G14"));
        Assert.That(message.Priority, Is.EqualTo("Hỏa tốc"));
        Assert.That(message.DocumentId, Is.EqualTo("000.00.04.G14,2019/04/12,123/STTTT-VP"));
        Assert.That(message.Metadata["TypeName"], Is.EqualTo("Công văn"));
        Assert.That(message.Metadata["CodeNumber"], Is.EqualTo("123"));
        Assert.That(message.Metadata["CodeNotation"], Is.EqualTo("STTTT-VP"));
        Assert.That(message.Metadata["IssuedDate"], Is.EqualTo("2019-04-12"));
        Assert.That(message.Metadata["OrganName"], Is.EqualTo("Sở Thông tin và Truyền thông tỉnh Hà Tĩnh"));
        Assert.That(message.Metadata["Subject"], Is.EqualTo("V/v triển khai gửi, nhận văn bản điện tử"));
        Assert.That(message.Metadata["PageAmount"], Is.EqualTo("2"));
        Assert.That(message.Attachments.Select(a => a.Name), Is.EqualTo(new[] { "cong-van.pdf", "phu-luc.txt" }));
        Assert.That(await File.ReadAllBytesAsync(message.Attachments[0].Path), Is.EqualTo(pdf));
        Assert.That(await File.ReadAllBytesAsync(message.Attachments[1].Path), Is.EqualTo(second));
    }

    [TestCase("../../../etc/cron.d/evil")]
    [TestCase("..\\..\\windows\\evil.pdf")]
    [TestCase("/tmp/tuyet-doi.pdf")]
    [TestCase("..")]
    public async Task An_attachment_name_with_a_path_stays_inside_the_folder(string name)
    {
        var message = await Read(Envelope(Attachment(name, [1, 2, 3])));

        var attachment = message.Attachments.Single();
        Assert.That(Path.GetDirectoryName(attachment.Path), Is.EqualTo(_folder.Path));
        Assert.That(attachment.Name, Does.Not.Contain("/").And.Not.Contain("\\").And.Not.EqualTo(".."));
    }

    [Test]
    public void An_external_entity_is_refused_and_never_resolved()
    {
        var secret = _folder.File("bi-mat.txt");
        File.WriteAllText(secret, "MẬT");
        var xxe = Envelope("", $"<!DOCTYPE edXMLEnvelope [<!ENTITY xxe SYSTEM \"file://{secret}\">]>").Replace("<Subject>V/v", "<Subject>&xxe; V/v");

        var e = Assert.ThrowsAsync<EdXmlFormatException>(() => Read(xxe));

        Assert.That(e!.Message, Does.Contain("XXE"));
    }

    [Test]
    public void Entity_expansion_is_refused()
    {
        var laughs = Envelope("", "<!DOCTYPE edXMLEnvelope [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")
            .Replace("<Subject>V/v", "<Subject>&b; V/v");
        Assert.ThrowsAsync<EdXmlFormatException>(() => Read(laughs));
    }

    [Test]
    public void Malformed_xml_names_the_line()
    {
        var e = Assert.ThrowsAsync<EdXmlFormatException>(() => Read(Envelope("").Replace("</Subject>", "</Subjec>")));
        Assert.That(e!.Message, Does.Contain("dòng"));
    }

    [Test]
    public void An_attachment_over_the_limit_is_refused_while_it_is_read()
    {
        var e = Assert.ThrowsAsync<EdXmlFormatException>(() => Read(Envelope(Attachment("lon.pdf", new byte[300_000])), limit: 100_000));
        Assert.That(e!.Message, Does.Contain("100000"));
    }

    [Test]
    public void A_root_that_is_not_an_envelope_is_refused()
    {
        var e = Assert.ThrowsAsync<EdXmlFormatException>(() => Read("<?xml version=\"1.0\"?><html/>"));
        Assert.That(e!.Message, Does.Contain("<html>"));
    }

    [Test]
    public async Task A_rejection_status_for_the_sender_names_the_document_and_the_reasons()
    {
        var message = await Read(Envelope(Attachment("cong-van.pdf", [1])));
        using var output = new MemoryStream();

        EdXmlStatusWriter.Write(output, message, DeliveryStatus.Returned, "000.00.00.H42", "Ủy ban nhân dân tỉnh Hà Tĩnh",
            ["Chữ ký số không hợp lệ (HASH_FAILURE)", "thiếu <chữ ký> tổ chức & cá nhân"], new DateTimeOffset(2019, 4, 12, 9, 30, 0, TimeSpan.FromHours(7)));

        output.Position = 0;
        var status = System.Xml.Linq.XDocument.Load(output);
        string? Value(string name) => status.Descendants().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.That(Value("StatusCode"), Is.EqualTo("02"));
        Assert.That(Value("DocumentId"), Is.EqualTo("000.00.04.G14,2019/04/12,123/STTTT-VP"));
        Assert.That(Value("Code"), Is.EqualTo("123/STTTT-VP"));
        Assert.That(Value("Description"), Does.Contain("HASH_FAILURE").And.Contain("thiếu <chữ ký> tổ chức & cá nhân"));
        Assert.That(Value("Timestamp"), Is.EqualTo("2019-04-12T09:30:00+07:00"));
    }

    [Test]
    public void A_partially_decoded_attachment_is_not_left_behind()
    {
        Assert.ThrowsAsync<EdXmlFormatException>(() => Read(Envelope(Attachment("lon.pdf", new byte[300_000])), limit: 100_000));
        Assert.That(Directory.EnumerateFiles(_folder.Path), Is.Empty);
    }
}
