using System.Text;
using System.Xml.Linq;
using Archive.Ingest.Conversion;

namespace Archive.Tests.Ingest.Conversion;

[TestFixture]
public sealed class Tt02XmpTests
{
    private const string GhostscriptPacket = """
        <?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
        <x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
        <rdf:Description rdf:about="" xmlns:dc='http://purl.org/dc/elements/1.1/' dc:format='application/pdf'><dc:title><rdf:Alt><rdf:li xml:lang='x-default'>Untitled</rdf:li></rdf:Alt></dc:title></rdf:Description>
        <rdf:Description rdf:about="" xmlns:pdfaid='http://www.aiim.org/pdfa/ns/id/' pdfaid:part='2' pdfaid:conformance='B'/>
        </rdf:RDF></x:xmpmeta>
        <?xpacket end='w'?>
        """;

    [Test]
    public void Every_property_used_is_declared_and_values_survive_escaping()
    {
        var document = SampleDocuments.Document();
        var packet = XmpPacket.Parse(Encoding.UTF8.GetBytes(GhostscriptPacket)).With(Tt02Xmp.For(document));
        var reread = XmpPacket.Parse(packet.ToBytes());

        var tt02 = XNamespace.Get("http://archive.gov.vn/ns/tt02/1.0/");
        Assert.That(reread.DeclaredProperties(tt02), Is.SupersetOf(reread.PropertiesIn(tt02)));
        Assert.That(reread.PropertiesIn(tt02), Does.Contain("DocCode").And.Contain("Subject").And.Contain("Mode"));
        Assert.That(reread.Values(tt02 + "Subject"), Is.EqualTo(new[] { "Ban hành quy chế <văn bản> điện tử & lưu trữ (thử nghiệm)" }));
        Assert.That(Encoding.UTF8.GetString(packet.ToBytes()), Does.Contain("&lt;văn bản&gt; điện tử &amp; lưu trữ"));
    }

    [Test]
    public void The_converters_own_title_is_replaced_not_duplicated()
    {
        var packet = XmpPacket.Parse(Encoding.UTF8.GetBytes(GhostscriptPacket)).With(Tt02Xmp.For(SampleDocuments.Document()));
        // Applying it twice (Ext_Metadata, then the clean-up) still leaves one of each.
        var twice = XmpPacket.Parse(packet.ToBytes()).With(Tt02Xmp.For(SampleDocuments.Document()));

        var dc = XNamespace.Get("http://purl.org/dc/elements/1.1/");
        var titles = twice.Document.Descendants(dc + "title").ToList();
        Assert.That(titles, Has.Count.EqualTo(1));
        Assert.That(titles[0].Value, Does.StartWith("Ban hành quy chế"));
        Assert.That(twice.Values(dc + "format"), Is.EqualTo(new[] { "application/pdf" }), "the converter's other properties stay");
        Assert.That(twice.Values(XNamespace.Get("http://www.aiim.org/pdfa/ns/id/") + "part"), Is.EqualTo(new[] { "2" }));
        var tt02 = XNamespace.Get("http://archive.gov.vn/ns/tt02/1.0/");
        Assert.That(twice.Document.Descendants(tt02 + "DocCode").Count(), Is.EqualTo(1));
        Assert.That(twice.Document.Descendants(XNamespace.Get("http://www.aiim.org/pdfa/ns/schema#") + "namespaceURI").Count(), Is.EqualTo(1));
    }

    [Test]
    public void Control_characters_pasted_into_a_field_are_dropped_not_fatal()
    {
        var document = SampleDocuments.Document() with { Subject = "Trích yếu\u0001 có ký tự điều khiển\u000B", Keyword = "\u0002" };

        var packet = XmpPacket.Parse(Encoding.UTF8.GetBytes(GhostscriptPacket)).With(Tt02Xmp.For(document));
        var reread = XmpPacket.Parse(packet.ToBytes());

        var tt02 = XNamespace.Get("http://archive.gov.vn/ns/tt02/1.0/");
        Assert.That(reread.Values(tt02 + "Subject"), Is.EqualTo(new[] { "Trích yếu có ký tự điều khiển" }));
        Assert.That(reread.PropertiesIn(tt02), Does.Not.Contain("Keyword"), "a field left empty is not written");
    }

    [Test]
    public void A_packet_with_a_DTD_is_refused()
    {
        const string evil = "<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x:xmpmeta xmlns:x='adobe:ns:meta/'>&e;</x:xmpmeta>";
        Assert.That(() => XmpPacket.Parse(Encoding.UTF8.GetBytes(evil)), Throws.InstanceOf<System.Xml.XmlException>());
    }
}
