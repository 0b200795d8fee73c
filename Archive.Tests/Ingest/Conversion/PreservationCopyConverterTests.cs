using Archive.Ingest.Conversion;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Conversion;

public sealed class PreservationCopyConverterTests
{
    private static PreservationCopyConverter Converter(ConversionOptions? options = null) =>
        new(options ?? new ConversionOptions(), Serilog.Core.Logger.None);

    private static async Task<PreservationCopy> ConvertAsync(TempFolder folder, string original, SourceKind kind)
    {
        using var converter = Converter();
        return await converter.ConvertAsync(
            new ConversionRequest(original, kind, SampleDocuments.Document(), folder.File("preservation.pdf")), CancellationToken.None);
    }

    /// <summary>Lines wrap where the page ends; compare words, not line breaks.</summary>
    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Test]
    public async Task Pdf_becomes_PdfA2b_with_the_TT02_metadata_and_its_Vietnamese_text()
    {
        using var folder = new TempFolder("conversion-pdf");
        var original = await SampleDocuments.PdfAsync(folder);
        var before = await File.ReadAllBytesAsync(original);

        var copy = await ConvertAsync(folder, original, SourceKind.Pdf);

        Assert.That(await File.ReadAllBytesAsync(original), Is.EqualTo(before), "the original is never modified");
        Assert.That(copy.Report.Route, Is.EqualTo(ConversionRoute.Ghostscript));
        Assert.That(copy.Report.Verification.IsValid, Is.True, copy.Report.Verification.ToString());
        var xmp = await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        var document = SampleDocuments.Document();
        Assert.Multiple(() =>
        {
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Tt02 + "Subject"), Is.EqualTo(document.Subject));
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Tt02 + "OrganName"), Is.EqualTo("Ủy ban nhân dân tỉnh Hà Tĩnh"));
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Tt02 + "CodeNotation"), Is.EqualTo("QĐ-UBND"));
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Tt02 + "IssuedDate"), Is.EqualTo("12/04/2019"));
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Tt02 + "DocCode"), Is.EqualTo(document.DocCode));
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Dc + "title"), Is.EqualTo(document.Subject));
            Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Dc + "creator"), Is.EqualTo(document.OrganName));
            Assert.That(PdfAAssert.Property(xmp, "{http://ns.adobe.com/xap/1.0/}CreateDate"), Is.EqualTo("2019-04-12T00:00:00+07:00"));
            Assert.That(Flat(copy.Text), Does.Contain(SampleDocuments.Body).And.Contain(SampleDocuments.Heading));
        });
        Assert.That(Flat(await PdfAAssert.TextAsync(copy.PdfAPath)), Does.Contain(SampleDocuments.Body));
        Assert.That(await PdfAAssert.InfoAsync(copy.PdfAPath), Does.Contain("/CreationDate (D:20190412000000+07'00')"));
    }

    [Test]
    public async Task Signed_pdf_gets_a_PdfA_copy_without_the_signature_and_the_report_says_so()
    {
        using var folder = new TempFolder("conversion-signed");
        var signed = await SampleDocuments.SignAsync(folder, await SampleDocuments.PdfAsync(folder));

        var copy = await ConvertAsync(folder, signed, SourceKind.Pdf);

        Assert.That(copy.Report.Notes, Has.Some.Contains("chữ ký số"));
        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        var (_, listing, _) = await ExternalTool.RunAsync("pdfsig", "poppler-utils", "-nocert", copy.PdfAPath);
        Assert.That(listing, Does.Not.Contain("Signature #1"), "a copy that claims a signature it no longer matches would mislead");
        Assert.That(Flat(copy.Text), Does.Contain(SampleDocuments.Body));
    }

    [TestCase("docx")]
    [TestCase("odt")]
    [TestCase("doc")]
    public async Task Word_processor_files_go_through_LibreOffice_to_PdfA2b(string format)
    {
        using var folder = new TempFolder("conversion-office");
        var original = await SampleDocuments.ConvertAsync(folder, SampleDocuments.WriteFlatOdt(folder), format);

        var copy = await ConvertAsync(folder, original, SourceKind.Office);

        Assert.That(copy.Report.Route, Is.EqualTo(ConversionRoute.LibreOfficeThenGhostscript));
        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        var text = Flat(await PdfAAssert.TextAsync(copy.PdfAPath));
        Assert.That(text, Does.Contain(SampleDocuments.Body).And.Contain(SampleDocuments.Heading));
    }

    [Test]
    public async Task Spreadsheet_goes_through_LibreOffice_to_PdfA2b()
    {
        using var folder = new TempFolder("conversion-xlsx");
        var xlsx = await SampleDocuments.SpreadsheetAsync(folder);

        var copy = await ConvertAsync(folder, xlsx, SourceKind.Office);

        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        Assert.That(Flat(copy.Text), Does.Contain("05/QĐ-UBND").And.Contain("Quyết định về việc ban hành quy chế"));
    }

    [Test]
    public async Task Scan_is_read_by_Vietnamese_OCR_into_PdfA2b()
    {
        using var folder = new TempFolder("conversion-scan");
        var scan = await SampleDocuments.ScanAsync(folder);

        var copy = await ConvertAsync(folder, scan, SourceKind.Image);

        Assert.That(copy.Report.Route, Is.EqualTo(ConversionRoute.Ocr));
        var xmp = await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        Assert.That(PdfAAssert.Property(xmp, PdfAAssert.Tt02 + "TypeName"), Is.EqualTo("Quyết định"));
        Assert.That(PdfAAssert.Property(xmp, "{http://ns.adobe.com/xap/1.0/}CreateDate"), Is.EqualTo("2019-04-12T00:00:00+07:00"));
        Assert.That(await PdfAAssert.InfoAsync(copy.PdfAPath), Does.Contain("/CreationDate (D:20190412000000+07'00')"));
        var text = Flat(await PdfAAssert.TextAsync(copy.PdfAPath));
        // Words the OCR of a clear 20 pt page gets every time; diacritics included.
        Assert.That(text, Does.Contain("Quyết định").And.Contain("quy chế").And.Contain("HÀ TĨNH"));
        Assert.That(copy.Text, Does.Contain("Quyết định"));
    }

    [Test]
    public async Task Tiff_scan_is_read_by_Vietnamese_OCR_into_PdfA2b()
    {
        using var folder = new TempFolder("conversion-tiff");
        var scan = await SampleDocuments.ScanAsync(folder, "tiff");

        var copy = await ConvertAsync(folder, scan, SourceKind.Image);

        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        Assert.That(Flat(copy.Text), Does.Contain("Quyết định").And.Contain("quy chế"));
    }

    [Test]
    public async Task A_sideways_scan_is_turned_upright_before_OCR()
    {
        using var folder = new TempFolder("conversion-sideways");
        var scan = await SampleDocuments.SidewaysScanAsync(folder);

        var copy = await ConvertAsync(folder, scan, SourceKind.Image);

        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        var text = Flat(await PdfAAssert.TextAsync(copy.PdfAPath));
        Assert.That(text, Does.Contain("Điều 1.").And.Contain("Quyết định về việc ban hành quy chế"));
    }

    [Test]
    public async Task Jpeg_scan_without_resolution_is_read_at_300_dpi()
    {
        using var folder = new TempFolder("conversion-nodpi");
        var scan = await SampleDocuments.JpegWithoutResolutionAsync(folder);

        var copy = await ConvertAsync(folder, scan, SourceKind.Image);

        Assert.That(copy.Report.Notes, Has.Some.Contains("300 dpi"));
        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        Assert.That(Flat(await PdfAAssert.TextAsync(copy.PdfAPath)), Does.Contain("Quyết định"));
    }

    [Test]
    public async Task Image_only_pdf_is_sent_to_OCR()
    {
        using var folder = new TempFolder("conversion-imagepdf");
        var scan = await SampleDocuments.ScanAsync(folder);
        // An image-only PDF: OCRmyPDF wraps the scan in a page and, with no time for Tesseract, adds no text.
        var imagePdf = folder.File("image-only.pdf");
        await ExternalTool.SucceedAsync("ocrmypdf", "ocrmypdf", "--output-type", "pdf", "--tesseract-timeout", "0", scan, imagePdf);
        Assert.That((await PdfAAssert.TextAsync(imagePdf)).Trim(), Is.Empty, "the input has no text layer");

        var copy = await ConvertAsync(folder, imagePdf, SourceKind.Pdf);

        Assert.That(copy.Report.Route, Is.EqualTo(ConversionRoute.Ocr));
        await PdfAAssert.IsPdfA2bAsync(copy.PdfAPath);
        Assert.That(await PdfAAssert.TextAsync(copy.PdfAPath), Does.Contain("Quyết định"));
    }

    [Test]
    public async Task Encrypted_pdf_is_refused_by_name()
    {
        using var folder = new TempFolder("conversion-encrypted");
        var pdf = await SampleDocuments.PdfAsync(folder);
        var encrypted = folder.File("encrypted.pdf");
        await ExternalTool.SucceedAsync("qpdf", "qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", pdf, encrypted);

        var e = Assert.ThrowsAsync<ConversionException>(() => ConvertAsync(folder, encrypted, SourceKind.Pdf));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.EncryptedSource));
        Assert.That(e.Message, Does.Contain("mã hóa"));
        Assert.That(File.Exists(folder.File("preservation.pdf")), Is.False);
    }

    [Test]
    public void Corrupt_pdf_is_refused_by_name()
    {
        using var folder = new TempFolder("conversion-corrupt");
        var corrupt = folder.File("corrupt.pdf");
        File.WriteAllText(corrupt, "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a PDF body\n");

        var e = Assert.ThrowsAsync<ConversionException>(() => ConvertAsync(folder, corrupt, SourceKind.Pdf));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.DamagedSource), e.Message);
        Assert.That(e.Message, Does.Contain("bị hỏng"));
    }

    [Test]
    public async Task A_hanging_Ghostscript_is_killed_at_its_time_limit_and_named()
    {
        using var folder = new TempFolder("conversion-hang");
        var pdf = await SampleDocuments.PdfAsync(folder);
        var fake = FakeTool.Write(folder, "gs", "sleep 600");
        var work = Directory.CreateDirectory(folder.File("work")).FullName;
        using var converter = Converter(new ConversionOptions { Ghostscript = fake, ConverterTimeout = TimeSpan.FromSeconds(1), WorkRoot = work });

        var e = Assert.ThrowsAsync<ConversionException>(() => converter.ConvertAsync(
            new ConversionRequest(pdf, SourceKind.Pdf, SampleDocuments.Document(), folder.File("out.pdf")), CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolTimedOut));
        Assert.That(e.Tool, Is.EqualTo("ghostscript"));
        Assert.That(e.Message, Does.Contain("ghostscript").And.Contain("quá thời hạn"));
        Assert.That(Directory.EnumerateFileSystemEntries(work), Is.Empty, "the work folder is removed after a failure");
    }

    [Test]
    public async Task A_copy_that_lost_pages_is_caught()
    {
        using var folder = new TempFolder("conversion-pages");
        var onePage = await SampleDocuments.PdfAsync(folder);
        // As if the safety check had read two pages: Ghostscript's one-page copy must not be taken for it.
        var structure = await new Qpdf(new ToolRunner(Serilog.Core.Logger.None), new ConversionOptions()).InspectAsync(onePage, CancellationToken.None);
        using var converter = Converter();

        var e = Assert.ThrowsAsync<ConversionException>(() => converter.ConvertAsync(
            new ConversionRequest(onePage, SourceKind.Pdf, SampleDocuments.Document(), folder.File("out.pdf"), structure with { Pages = 2 }),
            CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.InvalidOutput));
        Assert.That(e.Message, Does.Contain("1 trang").And.Contain("2 trang"));
    }

    [Test]
    public async Task A_Ghostscript_that_claims_success_without_output_is_caught()
    {
        using var folder = new TempFolder("conversion-liar");
        var pdf = await SampleDocuments.PdfAsync(folder);
        // Answers every job "done" and writes nothing.
        var fake = FakeTool.Write(folder, "gs",
            "while IFS= read -r line; do id=$(printf '%s' \"$line\" | sed -n 's/.*(ARCHIVE-JOB-DONE \\([0-9]*\\).*/\\1/p'); " +
            "[ -n \"$id\" ] && echo \"ARCHIVE-JOB-DONE $id\"; done");
        using var converter = Converter(new ConversionOptions { Ghostscript = fake });

        var e = Assert.ThrowsAsync<ConversionException>(() => converter.ConvertAsync(
            new ConversionRequest(pdf, SourceKind.Pdf, SampleDocuments.Document(), folder.File("out.pdf")), CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.InvalidOutput), e.Message);
        Assert.That(e.Message, Does.Contain("không tạo ra tệp PDF/A"));
    }

    [Test]
    public async Task A_Ghostscript_that_dies_fails_that_document_naming_the_tool()
    {
        using var folder = new TempFolder("conversion-crash");
        var pdf = await SampleDocuments.PdfAsync(folder);
        var fake = FakeTool.Write(folder, "gs", "echo 'segfault in pdfwrite' >&2; kill -SEGV $$");
        using var crashing = Converter(new ConversionOptions { Ghostscript = fake });

        var e = Assert.ThrowsAsync<ConversionException>(() => crashing.ConvertAsync(
            new ConversionRequest(pdf, SourceKind.Pdf, SampleDocuments.Document(), folder.File("out.pdf")), CancellationToken.None));

        Assert.That(e!.Failure, Is.EqualTo(ConversionFailure.ToolFailed), e.Message);
        Assert.That(e.Tool, Is.EqualTo("ghostscript"));
        Assert.That(e.Message, Does.Contain("dừng bất thường"));
    }

    [Test]
    public async Task One_converter_makes_many_copies_each_with_only_its_own_metadata()
    {
        // The Ghostscript workers run one document after another: nothing of one may reach the next.
        using var folder = new TempFolder("conversion-many");
        var pdf = await SampleDocuments.PdfAsync(folder);
        using var converter = Converter(new ConversionOptions { Parallelism = 2 });
        var documents = Enumerable.Range(1, 7).Select(i => SampleDocuments.Document() with
        {
            Id = $"01JCONVERSIONTEST00000000{i}", DocCode = $"000.00.00.H42.2019.000{i}", DocOrdinal = i, Subject = $"Văn bản số {i} về lưu trữ",
        }).ToList();

        var copies = await Task.WhenAll(documents.Select(d => converter.ConvertAsync(
            new ConversionRequest(pdf, SourceKind.Pdf, d, folder.File($"copy-{d.DocOrdinal}.pdf")), CancellationToken.None)));

        for (var i = 0; i < documents.Count; i++)
        {
            var xmp = await PdfAAssert.IsPdfA2bAsync(copies[i].PdfAPath);
            var titles = xmp.Descendants(PdfAAssert.Dc + "title").Select(t => t.Value).ToList();
            Assert.That(titles, Is.EqualTo(new[] { documents[i].Subject }), $"copy {i + 1}");
            Assert.That(xmp.ToString(), Does.Contain(documents[i].DocCode).And.Not.Contain(documents[(i + 1) % documents.Count].DocCode));
        }
    }
}
