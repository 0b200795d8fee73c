using System.Text;
using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Registry;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>`archive ingest` and the inbox, end to end through the command line, on each catalog engine.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class IngestPipelineTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private const string Metadata = """
        {"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","CodeNumber":"05","CodeNotation":"QĐ-UBND",
         "IssuedDate":"2019-04-12","Subject":"Ban hành Quy chế văn bản điện tử","PageAmount":1,"Language":"vi"}
        """;

    private string Pdf(string name, string marker) => SamplePdf.Write(Data.File(name), $"Van ban {marker} {Guid.NewGuid():N}");

    private string Json(string name, string json)
    {
        var path = Data.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<List<JsonElement>> Ingest(params string[] args)
    {
        var result = await Cli.RunAsync(["ingest", .. args, "--json", "--data", Data.Path]);
        Assert.That(result.ExitCode, Is.EqualTo(0).Or.EqualTo(1), result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    [Test]
    public async Task The_first_ingest_into_a_new_data_folder_finds_its_index_there()
    {
        var result = await Cli.RunAsync("ingest", Pdf("dau-tien.pdf", "một"), "--dossier", DemoDossier.Code, "--metadata", Json("m.json", Metadata),
            "--data", Data.Path);

        Assert.That(result.ExitCode, Is.Zero, result.ToString());
        Assert.That(result.Stderr, Does.Not.Contain("chưa có hoặc bị hỏng"), "init made the index: nothing to rebuild, no alarm for the officer");
        Assert.That(Directory.GetFiles(Path.Combine(Data.Path, "index"), "segments_*"), Is.Not.Empty);
    }

    [Test]
    public async Task A_document_is_accepted_filed_and_numbered_and_the_same_file_again_is_a_duplicate()
    {
        var pdf = Pdf("qd-05.pdf", "một");
        var meta = Json("m.json", Metadata);

        var first = (await Ingest(pdf, "--dossier", DemoDossier.Code, "--metadata", meta)).Single();
        var again = (await Ingest(pdf, "--dossier", DemoDossier.Code, "--metadata", meta)).Single();

        Assert.That(first.GetProperty("status").GetString(), Is.EqualTo("accepted"));
        Assert.That(first.GetProperty("arrivalNumber").GetInt32(), Is.EqualTo(1));
        Assert.That(first.GetProperty("dossier").GetString(), Is.EqualTo(DemoDossier.Code));
        Assert.That(again.GetProperty("status").GetString(), Is.EqualTo("duplicate"));
        var show = await Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", Data.Path);
        Assert.That(JsonDocument.Parse(show.Stdout).RootElement.GetProperty("documents").GetArrayLength(), Is.EqualTo(1));
        var inbox = await Cli.RunAsync("inbox", "list", "--json", "--data", Data.Path);
        Assert.That(inbox.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(2), "the duplicate is kept, not dropped");
        var id = first.GetProperty("id").GetString()!;
        using (var store = Archive.Core.Storage.ArchiveStore.Open(new Archive.Core.Storage.DataFolder(Data.Path), TimeProvider.System,
                   Serilog.Core.Logger.None, catalog: Catalog))
        {
            var blobs = store.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == id)).ToDictionary(b => b.Role, b => b.Id);
            Assert.That(blobs.Keys, Is.SupersetOf(new[] { "pdfa", "text" }), "the PDF/A copy and its text are stored beside the original");
            var pdfa = store.Blobs.Location(Archive.Core.Storage.Sha256Digest.Parse(blobs["pdfa"]));
            Assert.That(Tool("qpdf", "--check", pdfa).Code, Is.Zero, "qpdf --check on the stored PDF/A");
            Assert.That(Tool("pdftotext", pdfa, "-").Output, Does.Contain("Van ban"));
        }
        var found = await Cli.RunAsync("search", "soKyHieu:05/QD-UBND", "--json", "--data", Data.Path);
        Assert.That(JsonDocument.Parse(found.Stdout).RootElement.GetProperty("hits")[0].GetProperty("id").GetString(),
            Is.EqualTo(first.GetProperty("id").GetString()), "an accepted document is findable at once");
    }

    [Test]
    public async Task The_original_the_pdfa_copy_and_the_metadata_xml_are_exported()
    {
        var pdf = Pdf("xuat.pdf", "sáu");
        var accepted = (await Ingest(pdf, "--dossier", DemoDossier.Code, "--metadata", Json("m.json", Metadata))).Single();
        var id = accepted.GetProperty("id").GetString()!;
        var original = Data.File("ra-goc.pdf");
        var pdfa = Data.File("ra-pdfa.pdf");
        var xml = Data.File("ra.xml");

        Assert.That((await Cli.RunAsync("export", id, "--original", original, "--data", Data.Path)).ExitCode, Is.Zero);
        Assert.That((await Cli.RunAsync("export", id, "--pdfa", pdfa, "--data", Data.Path)).ExitCode, Is.Zero);
        Assert.That((await Cli.RunAsync("export", id, "--metadata-xml", xml, "--data", Data.Path)).ExitCode, Is.Zero);
        var again = await Cli.RunAsync("export", id, "--pdfa", pdfa, "--data", Data.Path);

        Assert.That(await File.ReadAllBytesAsync(original), Is.EqualTo(await File.ReadAllBytesAsync(pdf)), "the original, bit for bit");
        Assert.That(Tool("qpdf", "--check", pdfa).Code, Is.Zero);
        var metadata = System.Xml.Linq.XDocument.Load(xml).Root!;
        Assert.That(metadata.Elements().Select(e => e.Name.LocalName), Does.Contain("CodeNumber").And.Contain("DocCode").And.Contain("FileCode"));
        Assert.That(metadata.Elements().Single(e => e.Name.LocalName == "Subject").Value, Is.EqualTo("Ban hành Quy chế văn bản điện tử"));
        Assert.That(again.ExitCode, Is.EqualTo(64), "an existing file is not overwritten");
        Assert.That((await Cli.RunAsync("export", "khong-co", "--pdfa", Data.File("x.pdf"), "--data", Data.Path)).ExitCode, Is.EqualTo(64));
    }

    [Test]
    public async Task Encrypted_pdfs_and_pdfs_with_javascript_or_embedded_files_are_returned_naming_the_reason()
    {
        var plain = Pdf("goc.pdf", "bảy");
        var encrypted = Data.File("ma-hoa.pdf");
        Assert.That(Tool("qpdf", "--encrypt", "u", "o", "256", "--", plain, encrypted).Code, Is.Zero);
        var script = SamplePdf.Write(Data.File("js-raw.pdf"), "Van ban co ma", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ");
        var hidden = Data.File("js-an.pdf"); // the action moved into a compressed object stream
        Assert.That(Tool("qpdf", "--object-streams=generate", script, hidden).Code, Is.Zero);
        var attachment = Data.File("dinh-kem.exe");
        await File.WriteAllBytesAsync(attachment, [0x4D, 0x5A, 0x90, 0x00]);
        var embedded = Data.File("nhung.pdf");
        Assert.That(Tool("qpdf", Pdf("nen.pdf", "tám"), "--add-attachment", attachment, "--", embedded).Code, Is.Zero);

        // Names written with # escapes are the same names to a PDF reader.
        var escaped = SamplePdf.Write(Data.File("js-thoat.pdf"), "Van ban co ma thoat", "/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >> ");

        var outcomes = await Ingest(encrypted, hidden, embedded, escaped, "--dossier", DemoDossier.Code, "--metadata", Json("m.json", Metadata));

        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.All.EqualTo("rejected"));
        string Reasons(int i) => string.Join(" ", outcomes[i].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.That(Reasons(0), Does.Contain("mã hóa"));
        Assert.That(Reasons(1), Does.Contain("JavaScript"));
        Assert.That(Reasons(2), Does.Contain("tệp nhúng"));
        Assert.That(Reasons(3), Does.Contain("JavaScript"));
    }

    [Test]
    public async Task A_docx_and_a_scanned_jpeg_are_preserved_as_pdfa_with_their_vietnamese_text()
    {
        var sample = Path.Combine(Archive.Tests.Ingest.Signatures.SignatureFixtures.RepositoryRoot(), "fixtures", "samples", "quyet-dinh-quy-che.pdf");
        var html = Data.File("to-trinh.html");
        await File.WriteAllTextAsync(html, "<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:'DejaVu Serif'\">" +
                                           "<p>Tờ trình về việc số hóa tài liệu lưu trữ của Ủy ban nhân dân tỉnh</p></body></html>");
        var office = Tool("soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", Data.Path, html);
        Assert.That(office.Code, Is.Zero, office.Output);
        var scan = Data.File("ban-quet");
        Assert.That(Tool("pdftoppm", "-jpeg", "-r", "300", "-singlefile", sample, scan).Code, Is.Zero);
        var metadata = Json("m2.json", """
            {"to-trinh.docx":{"TypeName":"Tờ trình","OrganName":"Sở Nội vụ tỉnh Hà Tĩnh","Subject":"Số hóa tài liệu"},
             "ban-quet.jpg":{"TypeName":"Quyết định","OrganName":"Ủy ban nhân dân tỉnh Hà Tĩnh","Subject":"Bản quét quyết định"}}
            """);

        var outcomes = await Ingest(Data.File("to-trinh.docx"), scan + ".jpg", "--dossier", DemoDossier.Code, "--metadata", metadata);

        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.All.EqualTo("accepted"), string.Join("\n", outcomes));
        Assert.That(outcomes.SelectMany(o => o.GetProperty("reasons").EnumerateArray()), Is.Empty, "both got their PDF/A copy");
        var texts = new List<string>();
        using (var store = Archive.Core.Storage.ArchiveStore.Open(new Archive.Core.Storage.DataFolder(Data.Path), TimeProvider.System,
                   Serilog.Core.Logger.None, catalog: Catalog))
            foreach (var outcome in outcomes)
            {
                var id = outcome.GetProperty("id").GetString()!;
                var pdfa = store.Catalog.Read(s => s.Blobs.Where(b => b.OwnerId == id && b.Role == "pdfa")).Single().Id;
                var path = store.Blobs.Location(Archive.Core.Storage.Sha256Digest.Parse(pdfa));
                Assert.That(Tool("qpdf", "--check", path).Code, Is.Zero);
                texts.Add(Tool("pdftotext", path, "-").Output);
            }
        Assert.That(texts[0], Does.Contain("số hóa tài liệu lưu trữ"));
        Assert.That(texts[1], Does.Contain("QUYẾT ĐỊNH").And.Contain("Hà Tĩnh"), "the OCR text layer keeps the diacritics");
    }

    [Test]
    public async Task A_converter_that_fails_leaves_the_document_filed_and_raises_a_problem()
    {
        var meta = Json("m.json", Metadata);
        var result = await Cli.RunChildAsync(["ingest", Pdf("gs-hong.pdf", "năm"), "--dossier", DemoDossier.Code, "--metadata", meta, "--json",
            "--data", Data.Path], new Dictionary<string, string> { ["ARCHIVE__Archive__Conversion__Ghostscript"] = "/bin/false" });

        var outcome = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("accepted"), result.ToString());
        Assert.That(outcome.GetProperty("reasons")[0].GetString(), Does.Contain("PDF/A"));
        using var store = Archive.Core.Storage.ArchiveStore.Open(new Archive.Core.Storage.DataFolder(Data.Path), TimeProvider.System,
            Serilog.Core.Logger.None, catalog: Catalog);
        Assert.That(store.Catalog.Read(s => s.Problems.All()).Select(p => p.Kind), Has.Member("conversion.failed"));
    }

    /// <summary>The tests' shared tool runner, without failing on a non-zero exit (the assertions judge it).</summary>
    private static (int Code, string Output) Tool(string name, params string[] args) =>
        Archive.Tests.Ingest.Signatures.Tool.Run(name, args, check: false);

    [Test]
    public async Task A_rejected_document_stays_in_the_inbox_with_its_reasons_and_a_notice_for_the_sender()
    {
        var misnamed = Data.File("bao-cao.docx");
        File.Copy(Pdf("x.pdf", "hai"), misnamed);
        var incomplete = Pdf("thieu.pdf", "ba");

        var outcomes = await Ingest(misnamed, incomplete, "--dossier", DemoDossier.Code, "--metadata", Json("n.json", "{\"CodeNumber\":\"7\"}"));

        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.All.EqualTo("rejected"));
        Assert.That(outcomes[0].GetProperty("reasons")[0].GetString(), Does.Contain(".docx").And.Contain("PDF"));
        var reasons = string.Join(" ", outcomes[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.That(reasons, Does.Contain("Tên loại văn bản").And.Contain("Trích yếu nội dung").And.Contain("Ngày, tháng, năm văn bản"));
        var id = outcomes[1].GetProperty("inboxId").GetString()!;
        var shown = await Cli.RunAsync("inbox", "show", id, "--data", Data.Path);
        Assert.That(shown.Stdout, Does.Contain("Thông báo gửi nơi gửi").And.Contain("thieu.pdf"));
        var blob = JsonDocument.Parse((await Cli.RunAsync("inbox", "show", id, "--json", "--data", Data.Path)).Stdout).RootElement
            .GetProperty("digest").GetString()!;
        Assert.That(File.Exists(Path.Combine(Data.Path, "blobs", "sha256", blob[..2], blob[2..4], blob)), "the original is stored");
    }

    [Test]
    public async Task A_pending_document_is_accepted_with_its_pdfa_copy_or_returned_by_the_officer()
    {
        var pending = (await Ingest(Pdf("cho.pdf", "bốn"), "--metadata", Json("m.json", Metadata))).Single();
        Assert.That(pending.GetProperty("status").GetString(), Is.EqualTo("pending"));
        var id = pending.GetProperty("inboxId").GetString()!;

        var accepted = await Cli.RunAsync("inbox", "accept", id, "--dossier", DemoDossier.Code, "--json", "--data", Data.Path);
        var twice = await Cli.RunAsync("inbox", "reject", id, "--reason", "muộn", "--data", Data.Path);

        Assert.That(accepted.ExitCode, Is.Zero, accepted.ToString());
        var result = JsonDocument.Parse(accepted.Stdout).RootElement;
        Assert.That(result.GetProperty("number").GetInt32(), Is.EqualTo(1));
        Assert.That(result.GetProperty("pdfa").GetBoolean(), Is.True, accepted.Stdout);
        var pdfa = Data.File("chap-nhan.pdf");
        Assert.That((await Cli.RunAsync("export", result.GetProperty("documentId").GetString()!, "--pdfa", pdfa, "--data", Data.Path)).ExitCode, Is.Zero);
        Assert.That(Tool("qpdf", "--check", pdfa).Code, Is.Zero);
        Assert.That(twice.ExitCode, Is.EqualTo(64));
        Assert.That(twice.Stderr, Does.Contain("đã tiếp nhận"));
    }

    [Test]
    public async Task An_edxml_envelope_is_opened_and_its_unsigned_attachment_returned_to_the_other_agency_with_a_status()
    {
        var pdf = File.ReadAllBytes(SamplePdf.Write(Data.File("dinh-kem.pdf"), "Cong van 123"));
        var envelope = Archive.Tests.Ingest.Exchange.EdXmlEnvelope.Write(Data.File("goi-tin.edxml"), "../../cong-van.pdf", pdf,
            new DateOnly(2019, 4, 12));

        var outcome = (await Ingest(envelope, "--dossier", DemoDossier.Code)).Single();

        // A document from another agency must carry valid signatures (agency policy); this one has none.
        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"), outcome.ToString());
        Assert.That(outcome.GetProperty("indication").GetString(), Is.EqualTo("NO_SIGNATURE"));
        Assert.That(outcome.GetProperty("file").GetString(), Is.EqualTo("cong-van.pdf"));
        Assert.That(outcome.GetProperty("urgent").GetBoolean(), "Hỏa tốc is flagged for the same-day rule");
        var status = System.Xml.Linq.XDocument.Load(envelope + ".status.xml");
        Assert.That(status.Descendants().Single(e => e.Name.LocalName == "StatusCode").Value, Is.EqualTo("02"));
        Assert.That(status.Descendants().Single(e => e.Name.LocalName == "Description").Value, Does.Contain("chữ ký số"));
        var list = await Cli.RunAsync("inbox", "list", "--data", Data.Path);
        Assert.That(list.Stdout, Does.Contain("KHẨN"));
        var shown = JsonDocument.Parse((await Cli.RunAsync("inbox", "show", outcome.GetProperty("inboxId").GetString()!, "--json", "--data", Data.Path))
            .Stdout).RootElement;
        Assert.That(shown.GetProperty("containerDigest").GetString(),
            Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(envelope)))),
            "the envelope is kept as received, beside its attachment");
    }

    [Test]
    public async Task An_envelope_without_attachments_is_kept_and_returned_with_a_status()
    {
        var envelope = Archive.Tests.Ingest.Exchange.EdXmlEnvelope.Write(Data.File("rong.edxml"), "x.pdf", [1, 2, 3], new DateOnly(2019, 4, 12));
        File.WriteAllText(envelope, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(envelope), "<Attachment>.*?</Attachment>", "",
            System.Text.RegularExpressions.RegexOptions.Singleline));

        var outcome = (await Ingest(envelope, "--dossier", DemoDossier.Code)).Single();

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"), outcome.ToString());
        Assert.That(outcome.GetProperty("reasons")[0].GetString(), Does.Contain("không có tệp đính kèm"));
        Assert.That(outcome.GetProperty("inboxId").GetString(), Is.Not.Null.And.Not.Empty, "the envelope itself is kept in the inbox");
        var status = System.Xml.Linq.XDocument.Load(envelope + ".status.xml");
        Assert.That(status.Descendants().Single(e => e.Name.LocalName == "StatusCode").Value, Is.EqualTo("02"));
    }

    [Test]
    public async Task An_envelope_with_an_external_entity_is_returned_and_kept()
    {
        var envelope = Data.File("xxe.edxml");
        File.WriteAllText(envelope, "<?xml version=\"1.0\"?><!DOCTYPE edXMLEnvelope [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
                                    "<edXMLEnvelope><edXMLHeader><MessageHeader><Subject>&x;</Subject></MessageHeader></edXMLHeader></edXMLEnvelope>");

        var outcome = (await Ingest(envelope, "--dossier", DemoDossier.Code)).Single();

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(outcome.GetProperty("reasons")[0].GetString(), Does.Contain("XXE"));
        Assert.That(outcome.GetProperty("inboxId").GetString(), Is.Not.Null);
    }

    [Test]
    public async Task An_empty_file_is_returned_with_a_named_reason()
    {
        var empty = Data.File("rong.pdf");
        File.WriteAllBytes(empty, []);
        var outcome = (await Ingest(empty, "--dossier", DemoDossier.Code)).Single();
        Assert.That(outcome.GetProperty("reasons")[0].GetString(), Does.Contain("0 byte"));
    }

    [Test]
    public async Task Arrival_numbers_have_no_gap_and_no_repeat_when_accepted_concurrently_and_restart_on_1_january()
    {
        var clock = new SettableClock(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.FromHours(7)));
        using var store = Archive.Core.Storage.ArchiveStore.Open(new Archive.Core.Storage.DataFolder(Data.Path), clock,
            Serilog.Core.Logger.None, catalog: Catalog);
        var inbox = new RecordsInbox(store, clock);
        var items = new List<InboxItem>();
        for (var i = 0; i < 24; i++)
            items.Add(await inbox.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes($"văn bản {i}")),
                new Reception($"vb{i}.pdf", "PDF", Archive.Core.Catalog.Tt02Metadata.Empty.With("TypeName", "Công văn").With("OrganName", "Sở Tài chính"), []),
                TestArchive.Tester, CancellationToken.None));

        await Parallel.ForEachAsync(items.Take(12), async (item, ct) =>
            await inbox.AcceptAsync(item.Id, DemoDossier.Code, null, TestArchive.Tester, ct));
        clock.Now = new DateTimeOffset(2026, 1, 1, 7, 30, 0, TimeSpan.FromHours(7));
        await Parallel.ForEachAsync(items.Skip(12), async (item, ct) =>
            await inbox.AcceptAsync(item.Id, DemoDossier.Code, null, TestArchive.Tester, ct));

        var arrivals = store.Catalog.Read(s => s.Arrivals.All());
        Assert.That(arrivals.Where(a => a.Year == 2025).Select(a => a.Number).Order(), Is.EqualTo(Enumerable.Range(1, 12)));
        Assert.That(arrivals.Where(a => a.Year == 2026).Select(a => a.Number).Order(), Is.EqualTo(Enumerable.Range(1, 12)));
        Assert.That(arrivals.Select(a => a.DocumentId).Distinct().Count(), Is.EqualTo(24));
    }
}
