using System.Text.Json;
using System.Xml.Linq;
using Archive.Core.Storage;
using Archive.Tests.Ingest.Exchange;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>`archive ingest` on an edXML envelope from another agency whose attachment is signed as the regulation says.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SignedEdXmlIngestTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [SetUp]
    public Task TrustTheTestPki() => SignatureFixtures.TrustInAsync(Data.Path);

    [Test]
    public async Task An_envelope_with_a_two_signature_pdf_is_accepted_filed_numbered_preserved_and_answered_accepted()
    {
        var signed = await File.ReadAllBytesAsync(SignatureFixtures.SignedFile("issued.pdf"));
        // The fixture is signed today and says so on its first page: the envelope gives the same issue date.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime);
        var envelope = EdXmlEnvelope.Write(Data.File("goi-tin.edxml"), "cong-van-123.pdf", signed, today);

        var result = await Cli.RunAsync("ingest", envelope, "--dossier", DemoDossier.Code, "--json", "--data", Data.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        var outcome = JsonDocument.Parse(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("accepted"), outcome.ToString());
        Assert.That(outcome.GetProperty("file").GetString(), Is.EqualTo("cong-van-123.pdf"));
        Assert.That(outcome.GetProperty("indication").GetString(), Is.EqualTo("TOTAL_PASSED"));
        Assert.That(outcome.GetProperty("arrivalNumber").GetInt32(), Is.EqualTo(1));
        Assert.That(outcome.GetProperty("dossier").GetString(), Is.EqualTo(DemoDossier.Code));
        Assert.That(outcome.GetProperty("reasons").GetArrayLength(), Is.Zero, "the PDF/A copy was made");
        Assert.That(outcome.GetProperty("urgent").GetBoolean(), "Hỏa tốc is flagged");

        var id = outcome.GetProperty("id").GetString()!;
        var dossier = JsonDocument.Parse((await Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", Data.Path)).Stdout).RootElement;
        var document = dossier.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("id").GetString() == id);
        Assert.That(document.GetProperty("codeNumber").GetString(), Is.EqualTo("123"), "metadata from the envelope header");
        Assert.That(document.GetProperty("codeNotation").GetString(), Is.EqualTo("SNV-VP"));
        Assert.That(document.GetProperty("organName").GetString(), Is.EqualTo(EdXmlEnvelope.SenderOrganName));
        Assert.That(document.GetProperty("typeName").GetString(), Is.EqualTo("Công văn"));
        Assert.That(document.GetProperty("subject").GetString(), Is.EqualTo("V/v lưu trữ hồ sơ điện tử"));
        Assert.That(document.GetProperty("issuedDate").GetString(), Is.EqualTo(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

        using (var store = ArchiveStore.Open(new DataFolder(Data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: Catalog))
        {
            var blobs = store.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == id)).ToDictionary(b => b.Role, b => b.Id);
            Assert.That(blobs.Keys, Is.SupersetOf(new[] { "pdfa", "text" }));
            Assert.That(Tool.Run("qpdf", ["--check", store.Blobs.Location(Sha256Digest.Parse(blobs["pdfa"]))], check: false).ExitCode, Is.Zero);
            var item = store.Catalog.Read(s => s.Inbox.Get(outcome.GetProperty("inboxId").GetString()!))!;
            Assert.That(item.SenderOrganId, Is.EqualTo(EdXmlEnvelope.SenderOrganId));
            Assert.That(item.DocumentId, Is.EqualTo(id));
        }

        var original = Data.File("goc.pdf");
        Assert.That((await Cli.RunAsync("export", id, "--original", original, "--data", Data.Path)).ExitCode, Is.Zero);
        Assert.That(await File.ReadAllBytesAsync(original), Is.EqualTo(signed), "the signed original is kept bit for bit");

        var status = XDocument.Load(envelope + ".status.xml");
        string Element(string name) => status.Descendants().Single(e => e.Name.LocalName == name).Value;
        Assert.That(Element("StatusCode"), Is.EqualTo("03"), "accepted");
        Assert.That(Element("Description"), Is.EqualTo("Đã tiếp nhận"));
        Assert.That(Element("DocumentId"), Does.StartWith(EdXmlEnvelope.SenderOrganId).And.EndWith("123/SNV-VP"));
        Assert.That(status.Descendants().Where(e => e.Name.LocalName == "OrganId").Select(e => e.Value), Has.Member(EdXmlEnvelope.SenderOrganId));
        var from = status.Descendants().Single(e => e.Name.LocalName == "From");
        Assert.That(from.Elements().Select(e => e.Value), Is.EqualTo(new[] { EdXmlEnvelope.ReceiverOrganId, EdXmlEnvelope.ReceiverOrganName }),
            "the status comes from the agency the envelope was addressed to");
    }
}
