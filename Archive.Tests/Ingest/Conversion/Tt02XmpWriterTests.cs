using System.Text;
using Archive.Ingest.Conversion;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// The TT 02 XMP goes into a converter's PDF/A as an incremental update written in-process: the
/// converter's bytes stay as they were, and qpdf and poppler (not our parser) read the new packet and Info.
/// </summary>
[TestFixture]
public sealed class Tt02XmpWriterTests
{
    [TestCase(false, TestName = "After a cross-reference table (Ghostscript's output) the update has a table")]
    [TestCase(true, TestName = "After a cross-reference stream with compressed XMP (qpdf's object streams) the update has a stream")]
    public async Task The_metadata_is_appended_and_independent_readers_see_only_the_new_packet(bool crossReferenceStream)
    {
        using var folder = new TempFolder("xmp-update");
        var original = await SampleDocuments.PdfAsync(folder);
        var made = folder.File("made.pdf");
        using (var converter = new PreservationCopyConverter(new ConversionOptions(), Serilog.Core.Logger.None))
            await converter.ConvertAsync(new ConversionRequest(original, SourceKind.Pdf, SampleDocuments.Document(), made), CancellationToken.None);
        var pdf = made;
        if (crossReferenceStream)
        {
            pdf = folder.File("streams.pdf");
            // qpdf compresses the metadata stream too, so the writer must decode it before merging.
            await ExternalTool.SucceedAsync("qpdf", "qpdf", "--object-streams=generate", "--compress-streams=y", made, pdf);
        }
        var before = await File.ReadAllBytesAsync(pdf);
        var document = SampleDocuments.Document() with { Subject = "Về việc sửa đổi (lần 2) quy chế & hồ sơ", IssuedDate = new DateOnly(2020, 1, 31) };

        var (structure, xmp) = await new Tt02XmpWriter()
            .WriteAsync(pdf, Tt02Xmp.For(document), "test", CancellationToken.None);

        var after = await File.ReadAllBytesAsync(pdf);
        Assert.That(after.AsSpan(0, before.Length).SequenceEqual(before), Is.True, "the converter's bytes are not rewritten");
        var update = Encoding.Latin1.GetString(after, before.Length, after.Length - before.Length);
        Assert.That(update, crossReferenceStream ? Does.Contain("/Type /XRef") : Does.Contain("\nxref\n").And.Contain("trailer"));
        Assert.That(structure.Repaired, Is.False, "qpdf reads the update without repairing");
        Assert.That(PdfAVerifier.Verify(structure, xmp).IsValid, Is.True, PdfAVerifier.Verify(structure, xmp).ToString());

        var read = await PdfAAssert.IsPdfA2bAsync(pdf);
        Assert.That(read.Descendants(PdfAAssert.Tt02 + "Subject").Select(e => e.Value), Is.EqualTo(new[] { document.Subject }));
        Assert.That(PdfAAssert.Property(read, PdfAAssert.Dc + "title"), Is.EqualTo(document.Subject));
        Assert.That(await PdfAAssert.InfoAsync(pdf), Does.Contain("/CreationDate (D:20200131000000+07'00')"));
        var info = await ExternalTool.SucceedAsync("pdfinfo", "poppler-utils", "-meta", pdf);
        Assert.That(info, Does.Contain("Về việc sửa đổi (lần 2) quy chế &amp; hồ sơ"), "poppler reads the new packet");
        Assert.That(info, Does.Not.Contain("Ban hành quy chế"), "the earlier packet is no longer the document's");
    }
}
