using System.IO.Compression;
using System.Text.Json;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Pipeline;

/// <summary>ZIP packages given to `archive ingest` or dropped in the watched folder: each file in them goes through like an envelope's attachment.</summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class ZipPackageTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    private string Zip(string name, params (string Entry, byte[] Content)[] entries)
    {
        var path = Data.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var stream = zip.CreateEntry(entry).Open();
            stream.Write(content);
        }
        return path;
    }

    private byte[] DistinctPdf(string marker) => File.ReadAllBytes(SamplePdf.Write(Data.File($"{Guid.NewGuid():N}.pdf"), $"{marker} {Guid.NewGuid():N}"));

    private static byte[] Utf8(string json) => System.Text.Encoding.UTF8.GetBytes(json);

    private static string Keyed(params (string Entry, int CodeNumber)[] entries) =>
        "{" + string.Join(",", entries.Select(e => $"\"{e.Entry}\":{WatchFolder.Metadata(e.CodeNumber)}")) + "}";

    private async Task<List<JsonElement>> Ingest(params string[] args)
    {
        var result = await Cli.RunAsync(["ingest", .. args, "--dossier", DemoDossier.Code, "--json", "--data", Data.Path]);
        Assert.That(result.ExitCode, Is.EqualTo(0).Or.EqualTo(1), result.ToString());
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
    }

    private InboxItem[] InboxItems()
    {
        using var store = ArchiveStore.Open(new DataFolder(Data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: Catalog);
        return store.Catalog.Read(s => s.Inbox.All()).ToArray();
    }

    [Test]
    public async Task A_zip_with_two_pdfs_and_a_metadata_json_gives_two_accepted_documents_with_their_own_metadata()
    {
        var sample = await File.ReadAllBytesAsync(WatchFolder.SamplePdfFixture);
        var zip = Zip("goi.zip", ("quyet-dinh-quy-che.pdf", sample), ("van-ban/qd-12.pdf", DistinctPdf("Quyet dinh 12")),
            ("metadata.json", Utf8(Keyed(("quyet-dinh-quy-che.pdf", 5), ("van-ban/qd-12.pdf", 12)))));

        var outcomes = await Ingest(zip);

        Assert.That(outcomes.Select(o => o.GetProperty("status").GetString()), Is.EqualTo(new[] { "accepted", "accepted" }),
            string.Join("\n", outcomes));
        Assert.That(outcomes.Select(o => o.GetProperty("file").GetString()), Is.EqualTo(new[] { "quyet-dinh-quy-che.pdf", "qd-12.pdf" }));
        var documents = JsonDocument.Parse((await Cli.RunAsync("dossier", "show", DemoDossier.Code, "--json", "--data", Data.Path)).Stdout)
            .RootElement.GetProperty("documents").EnumerateArray();
        Assert.That(documents.Select(d => d.GetProperty("codeNumber").GetString()), Is.EquivalentTo(new[] { "05", "12" }),
            "each entry got the metadata.json object of its name");
        var original = Data.File("ra-goc.pdf");
        Assert.That((await Cli.RunAsync("export", outcomes[0].GetProperty("id").GetString()!, "--original", original, "--data", Data.Path)).ExitCode,
            Is.Zero);
        Assert.That(await File.ReadAllBytesAsync(original), Is.EqualTo(sample), "the entry's original is stored bit for bit");
        Assert.That(InboxItems().Select(i => i.SourceName), Is.EquivalentTo(new[] { "quyet-dinh-quy-che.pdf", "qd-12.pdf" }));
        var package = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(zip)));
        Assert.That(InboxItems().Select(i => i.ContainerDigest), Is.All.EqualTo(package), "each entry names the package it came in");
        using var store = ArchiveStore.Open(new DataFolder(Data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: Catalog);
        var consistency = store.CheckConsistency();
        Assert.That(consistency.MissingBlobs.Concat(consistency.OrphanBlobs), Is.Empty, "the package is stored and referenced");
        await using (var kept = store.Blobs.OpenRead(Archive.Core.Storage.Sha256Digest.Parse(package)))
        using (var copy = new MemoryStream())
        {
            await kept.CopyToAsync(copy);
            Assert.That(copy.ToArray(), Is.EqualTo(await File.ReadAllBytesAsync(zip)), "the package is kept as received");
        }
    }

    [Test]
    public async Task An_entry_named_to_escape_the_folder_is_returned_naming_the_reason_and_nothing_is_written_outside()
    {
        var watch = new WatchFolder(Data.File("hop-thu-den"));
        var escaping = DistinctPdf("Thoat ra ngoai");
        var zip = Zip("goi-thoat.zip", ("hop-le.pdf", DistinctPdf("Hop le")), ("../thoat.pdf", escaping), ("/tmp/tuyet-doi.pdf", DistinctPdf("Tuyet doi")),
            ("metadata.json", Utf8(Keyed(("hop-le.pdf", 13), ("../thoat.pdf", 14), ("/tmp/tuyet-doi.pdf", 15)))));
        watch.Drop(zip, "goi-thoat.zip");

        var result = await Cli.RunAsync("ingest", "--watch", watch.Path, "--once", "--dossier", DemoDossier.Code, "--json", "--data", Data.Path);

        var outcomes = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.That(outcomes.Select(o => (o.GetProperty("file").GetString(), o.GetProperty("status").GetString())),
            Is.EqualTo(new[] { ("hop-le.pdf", "accepted"), ("thoat.pdf", "rejected"), ("tuyet-doi.pdf", "rejected") }), result.ToString());
        Assert.That(outcomes[1].GetProperty("reasons")[0].GetString(), Does.Contain("../thoat.pdf").And.Contain("'..'"));
        Assert.That(outcomes[2].GetProperty("reasons")[0].GetString(), Does.Contain("tuyệt đối"));
        var reasons = await File.ReadAllTextAsync(Path.Combine(watch.Returned, "goi-thoat.zip.ly-do.txt"));
        Assert.That(reasons, Does.Contain("thoat.pdf: ").And.Contain("'..'").And.Contain("hop-le.pdf: đã tiếp nhận"));
        Assert.That(File.Exists(Path.Combine(watch.Returned, "goi-thoat.zip")), "the package is kept as received");
        foreach (var outside in new[] { Data.Path, watch.Path, Path.GetTempPath(), Path.GetDirectoryName(Path.GetTempPath().TrimEnd('/'))! })
            Assert.That(File.Exists(Path.Combine(outside, "thoat.pdf")), Is.False, $"nothing written to {outside}");
        Assert.That(File.Exists("/tmp/tuyet-doi.pdf"), Is.False);
        var kept = InboxItems().Single(i => i.SourceName == "thoat.pdf");
        Assert.That(kept.Status, Is.EqualTo(InboxStatus.Rejected));
        Assert.That(kept.Digest, Is.EqualTo(Sha256Digest.Compute(escaping).Hex), "its bytes are kept in the inbox with the reason");
    }

    [Test]
    public async Task A_zip_bomb_is_returned_naming_the_reason_and_kept_without_being_inflated()
    {
        var bomb = Data.File("bom.zip");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            await using var entry = zip.CreateEntry("so-0.pdf", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++) await entry.WriteAsync(zeros); // 64 MiB of zeros, a few tens of kilobytes compressed
        }

        var outcome = (await Ingest(bomb)).Single();

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(outcome.GetProperty("file").GetString(), Is.EqualTo("bom.zip"));
        Assert.That(outcome.GetProperty("reasons")[0].GetString(), Does.Contain("bom nén").And.Contain("so-0.pdf"));
        Assert.That(InboxItems().Single().Length, Is.EqualTo(new FileInfo(bomb).Length), "the package itself is kept, as received");
    }

    [Test]
    public async Task An_empty_zip_is_returned_and_kept_not_silently_dropped()
    {
        var outcome = (await Ingest(Zip("rong.zip", ("metadata.json", Utf8(WatchFolder.Metadata(17)))))).Single();

        Assert.That(outcome.GetProperty("status").GetString(), Is.EqualTo("rejected"));
        Assert.That(outcome.GetProperty("reasons")[0].GetString(), Does.Contain("không có tệp"));
        Assert.That(InboxItems().Single().SourceName, Is.EqualTo("rong.zip"));
    }

    [Test]
    public async Task A_docx_is_still_an_office_document_not_a_package()
    {
        var docx = Zip("to-trinh.docx", ("[Content_Types].xml", Utf8("<Types/>")), ("word/document.xml", Utf8("<w:document/>")));

        var outcome = (await Ingest(docx, "--metadata", WriteText("m.json", WatchFolder.Metadata(16)))).Single();

        Assert.That(outcome.GetProperty("file").GetString(), Is.EqualTo("to-trinh.docx"), "one document, not its parts");
        Assert.That(InboxItems().Single().Format, Is.EqualTo("DOCX"));
    }

    private string WriteText(string name, string text)
    {
        File.WriteAllText(Data.File(name), text);
        return Data.File(name);
    }
}
