using Archive.Ingest.Conversion;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>The verifier catches the PDF/A claims our converters have been seen to make falsely.</summary>
[TestFixture]
public sealed class PdfAVerifierTests
{
    private static readonly PdfAVerifier Verifier = new(new ToolRunner(Serilog.Core.Logger.None), new ConversionOptions());

    [Test]
    public async Task A_PdfA_claim_without_OutputIntent_is_caught()
    {
        using var folder = new TempFolder("verifier-intent");
        var pdf = await SampleDocuments.PdfAsync(folder);
        var claimed = folder.File("claimed.pdf");
        // Ghostscript with -dPDFA=2 and no definition file writes pdfaid:part=2 but no OutputIntent.
        await ExternalTool.SucceedAsync("gs", "ghostscript", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dQUIET", "-sDEVICE=pdfwrite",
            "-dPDFA=2", "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB", $"-sOutputFile={claimed}", pdf);

        var verification = await Verifier.VerifyAsync(claimed, CancellationToken.None);

        Assert.That(verification.IsValid, Is.False);
        Assert.That(verification.Problems, Has.Some.Contains("OutputIntent"));
    }

    [Test]
    public async Task Fonts_that_are_not_embedded_are_caught()
    {
        using var folder = new TempFolder("verifier-fonts");
        var ps = folder.File("plain.ps");
        await File.WriteAllTextAsync(ps, "%!PS\n/Helvetica findfont 24 scalefont setfont 72 700 moveto (Cong van) show showpage\n");
        var pdf = folder.File("plain.pdf");
        await ExternalTool.SucceedAsync("gs", "ghostscript", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-dQUIET", "-sDEVICE=pdfwrite",
            "-dEmbedAllFonts=false", "-dSubsetFonts=false", $"-sOutputFile={pdf}", ps);

        var verification = await Verifier.VerifyAsync(pdf, CancellationToken.None);

        Assert.That(verification.Problems, Has.Some.Contains("chưa được nhúng"));
        Assert.That(verification.Problems, Has.Some.Contains("pdfaid:part"));
        Assert.That(verification.Problems, Has.Some.Contains("OutputIntent"));
    }
}
