using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Archive.Ingest.Formats;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Formats;

public sealed class FormatIdentifierTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void SetUp() => _folder = new TempFolder("formats");

    [TearDown]
    public void TearDown() => _folder.Dispose();

    /// <summary>A one-page PDF with text; the images below are rendered from it by poppler's pdftoppm.</summary>
    private string OnePagePdf() => SamplePdf.Write(_folder.File("van-ban.pdf"));

    private string Render(string pdf, string device, string extension)
    {
        var prefix = _folder.File($"page-{device}");
        var info = new ProcessStartInfo("pdftoppm") { RedirectStandardError = true };
        foreach (var a in new[] { $"-{device}", "-r", "30", "-singlefile", pdf, prefix }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"pdftoppm -{device} failed: {process.StandardError.ReadToEnd()}");
        var rendered = Directory.GetFiles(_folder.Path, $"page-{device}.*").Single();
        var named = _folder.File($"anh{extension}");
        File.Move(rendered, named);
        return named;
    }

    private string Zip(string name, params (string Entry, string Content)[] entries)
    {
        var path = _folder.File(name);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (entry, content) in entries)
        {
            using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
            writer.Write(content);
        }
        return path;
    }

    [Test]
    public void Pdf_and_the_images_poppler_renders_from_it_are_identified_by_content()
    {
        var pdf = OnePagePdf();
        Assert.That(FormatIdentifier.Identify(pdf).Format, Is.EqualTo(FileFormat.Pdf));
        Assert.That(FormatIdentifier.Identify(Render(pdf, "png", ".png")).Format, Is.EqualTo(FileFormat.Png));
        Assert.That(FormatIdentifier.Identify(Render(pdf, "jpeg", ".jpg")).Format, Is.EqualTo(FileFormat.Jpeg));
        Assert.That(FormatIdentifier.Identify(Render(pdf, "tiff", ".tif")).Format, Is.EqualTo(FileFormat.Tiff));
        Assert.That(FormatIdentifier.Identify(pdf).Accepted);
        Assert.That(FormatIdentifier.Identify(pdf).PdfAClaim, Is.Null);
    }

    [Test]
    public void Office_containers_are_told_apart_by_their_entries()
    {
        Assert.That(FormatIdentifier.Identify(Zip("a.docx", ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"))).Format,
            Is.EqualTo(FileFormat.Docx));
        Assert.That(FormatIdentifier.Identify(Zip("a.xlsx", ("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"))).Format,
            Is.EqualTo(FileFormat.Xlsx));
        Assert.That(FormatIdentifier.Identify(Zip("a.odt", ("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<x/>"))).Format,
            Is.EqualTo(FileFormat.Odt));
        Assert.That(FormatIdentifier.Identify(Zip("a.zip", ("readme.txt", "xin chào"))).Format, Is.EqualTo(FileFormat.Zip));
    }

    [Test]
    public void A_zip_whose_first_entry_is_a_pdf_stored_uncompressed_is_a_zip()
    {
        var pdf = OnePagePdf();
        var package = _folder.File("goi.zip");
        // Info-ZIP, not us, writes the package: -0 stores the PDF as is, so "%PDF-" sits a few dozen bytes in.
        var zipped = Signatures.Tool.Run("zip", ["-0", "-j", package, pdf], check: false);
        Assert.That(zipped.ExitCode, Is.Zero, zipped.Output);
        Assert.That(File.ReadAllBytes(package).AsSpan(0, 200).IndexOf("%PDF-"u8), Is.GreaterThan(0), "the PDF header is near the start");

        var identified = FormatIdentifier.Identify(package);
        Assert.That((identified.Format, identified.Accepted), Is.EqualTo((FileFormat.Zip, true)));
    }

    [Test]
    public void A_pdf_renamed_to_docx_is_rejected_naming_both()
    {
        var renamed = _folder.File("bao-cao.docx");
        File.Copy(OnePagePdf(), renamed);

        var result = FormatIdentifier.Identify(renamed);

        Assert.That(result.Format, Is.EqualTo(FileFormat.Pdf));
        Assert.That(result.Accepted, Is.False);
        Assert.That(result.Problem, Does.Contain(".docx").And.Contain("PDF"));
    }

    [Test]
    public void Unknown_and_empty_files_are_rejected_with_a_reason()
    {
        var text = _folder.File("ghi-chu.pdf");
        File.WriteAllText(text, "Đây chỉ là văn bản thuần, không phải PDF.");
        var empty = _folder.File("rong.pdf");
        File.WriteAllBytes(empty, []);

        Assert.That(FormatIdentifier.Identify(text).Problem, Does.Contain("Không nhận dạng được"));
        Assert.That(FormatIdentifier.Identify(empty).Problem, Does.Contain("0 byte"));
    }

    [Test]
    public void An_edxml_envelope_is_recognised_and_a_pdfa_claim_is_read()
    {
        var edxml = _folder.File("goi-tin.edxml");
        File.WriteAllText(edxml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<edXMLEnvelope xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\"/>");
        Assert.That(FormatIdentifier.Identify(edxml).Format, Is.EqualTo(FileFormat.EdXml));

        var pdfa = _folder.File("pdfa.pdf");
        File.WriteAllText(pdfa, File.ReadAllText(OnePagePdf(), Encoding.Latin1) +
                               "<x:xmpmeta><rdf:Description pdfaid:part=\"2\" pdfaid:conformance=\"B\"/></x:xmpmeta>", Encoding.Latin1);
        Assert.That(FormatIdentifier.Identify(pdfa).PdfAClaim, Is.EqualTo("2B"));
        Assert.That(FormatIdentifier.Identify(pdfa).Description, Does.Match(@"^PDF 1\.\d \(khai báo PDF/A-2b\)$"), "as the preservation history shows it");
    }

    [Test]
    public void A_zip_bomb_is_identified_from_its_directory_without_inflating_it()
    {
        var bomb = _folder.File("bom.zip");
        using (var zip = ZipFile.Open(bomb, ZipArchiveMode.Create))
        {
            using var entry = zip.CreateEntry("zeros.bin", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 1024; i++) entry.Write(zeros); // 1 GiB of zeros, about 1 MB compressed
        }
        var before = GC.GetTotalAllocatedBytes();

        var result = FormatIdentifier.Identify(bomb);

        Assert.That(result.Format, Is.EqualTo(FileFormat.Zip));
        Assert.That(result.Problem, Does.Contain("zeros.bin").And.Contain("bom nén"), "named as a bomb, from the declared sizes");
        Assert.That(GC.GetTotalAllocatedBytes() - before, Is.LessThan(64L << 20), "identification must not inflate the archive");
    }
}
