using Archive.Ingest.Conversion;
using Archive.Tests.Support;
using UglyToad.PdfPig;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// The structure read in-process by PdfPig (for a converter's output) says what qpdf's reading says, on
/// files that differ in each fact: fonts embedded or not, active content (also hidden in an object
/// stream, or written with # escapes), signatures, an output intent.
/// </summary>
[TestFixture]
public sealed class PdfStructureTests
{
    private static async Task<PdfStructure> ByQpdfAsync(string pdf) =>
        await new Qpdf(new ToolRunner(Serilog.Core.Logger.None), new ConversionOptions()).InspectAsync(pdf, CancellationToken.None);

    private static PdfStructure ByPdfPig(string pdf)
    {
        using var document = PdfDocument.Open(File.ReadAllBytes(pdf), new ParsingOptions { UseLenientParsing = false, SkipMissingFonts = true });
        return PdfStructure.Of(document);
    }

    private static IEnumerable<TestCaseData> Files()
    {
        yield return new TestCaseData("plain", (Func<TempFolder, Task<string>>)(f => Task.FromResult(SamplePdf.Write(f.File("a.pdf"), "Van ban"))),
            (Func<PdfStructure, bool>)(s => s.Fonts.Any(font => !font.Embedded))).SetName("A standard font not embedded");
        yield return new TestCaseData("script", (Func<TempFolder, Task<string>>)(f =>
            Task.FromResult(SamplePdf.Write(f.File("a.pdf"), "Van ban", "/OpenAction << /S /Java#53cript /J#53 (app.alert(1)) >> "))),
            (Func<PdfStructure, bool>)(s => s.DangerousNames.Contains("/JavaScript"))).SetName("JavaScript written with escapes");
        yield return new TestCaseData("hidden", (Func<TempFolder, Task<string>>)(async f =>
        {
            var script = SamplePdf.Write(f.File("js.pdf"), "Van ban", "/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ");
            await ExternalTool.SucceedAsync("qpdf", "qpdf", "--object-streams=generate", script, f.File("a.pdf"));
            return f.File("a.pdf");
        }), (Func<PdfStructure, bool>)(s => s.DangerousNames.Contains("/JS"))).SetName("JavaScript in an object stream");
        yield return new TestCaseData("signed", (Func<TempFolder, Task<string>>)(f => Task.FromResult(SamplePdf.Write(f.File("a.pdf"), "Van ban",
            "/Perms << /DocMDP << /Type /Sig /ByteRange [0 10 20 30] /Contents <3082> >> >> "))),
            (Func<PdfStructure, bool>)(s => s.Signed)).SetName("A signature dictionary");
        yield return new TestCaseData("pdfa", (Func<TempFolder, Task<string>>)(async f =>
        {
            var original = await SampleDocuments.PdfAsync(f);
            using var converter = new PreservationCopyConverter(new ConversionOptions(), Serilog.Core.Logger.None);
            return (await converter.ConvertAsync(new ConversionRequest(original, SourceKind.Pdf, SampleDocuments.Document(), f.File("a.pdf")),
                CancellationToken.None)).PdfAPath;
        }), (Func<PdfStructure, bool>)(s => s.OutputIntent == true && s.Fonts.All(font => font.Embedded) && s.MetadataObject is not null)).SetName("A PDF/A with embedded Vietnamese fonts and an output intent");
    }

    [TestCaseSource(nameof(Files))]
    public async Task PdfPig_reads_what_qpdf_reads(string name, Func<TempFolder, Task<string>> make, Func<PdfStructure, bool> distinguishing)
    {
        using var folder = new TempFolder("structure-" + name);
        var pdf = await make(folder);

        var expected = await ByQpdfAsync(pdf);
        var actual = ByPdfPig(pdf);

        Assert.Multiple(() =>
        {
            Assert.That(actual.Pages, Is.EqualTo(expected.Pages));
            Assert.That(actual.Encrypted, Is.EqualTo(expected.Encrypted));
            Assert.That(actual.Signed, Is.EqualTo(expected.Signed));
            Assert.That(actual.DangerousNames, Is.EquivalentTo(expected.DangerousNames));
            Assert.That(actual.Fonts.Distinct(), Is.EquivalentTo(expected.Fonts.Distinct()));
            Assert.That(actual.MetadataObject, Is.EqualTo(expected.MetadataObject));
            Assert.That(actual.InfoObject, Is.EqualTo(expected.InfoObject));
            Assert.That(actual.OutputIntent, Is.EqualTo(expected.OutputIntent));
        });
        Assert.That(expected.Fonts, Is.Not.Empty, "each file has text");
        Assert.That(distinguishing(expected), Is.True, "the file has the fact it was made for");
    }
}
