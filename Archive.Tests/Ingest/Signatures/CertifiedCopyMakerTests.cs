using System.Text.RegularExpressions;
using Archive.Core.Copies;
using Archive.Ingest.Conversion;
using Archive.Ingest.Copies;
using Archive.Ingest.Signing;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// A certified copy as independent tools read it: pdfsig (valid, trusted), qpdf and the PDF/A checks, pdftotext (the stamp with
/// its diacritics on page 1), pdffonts (the stamp's font embedded), pdfinfo (the pages of a TRÍCH SAO), zbarimg (the QR code).
/// </summary>
public sealed partial class CertifiedCopyMakerTests
{
    private static readonly DateTimeOffset SignedAt = new(2026, 11, 30, 9, 41, 7, TimeSpan.FromHours(7));
    private static readonly Uri Verification = new("http://127.0.0.1:5080/xac-thuc?ma=7K3QX9PA2M4T");
    private TempFolder _folder = null!;
    private string _source = null!;

    [OneTimeSetUp]
    public void MakeSource()
    {
        Tool.Require("gs");
        _folder = new TempFolder("copies");
        _source = _folder.File("nguon.pdf");
        var sample = Path.Combine(SignatureFixtures.RepositoryRoot(), "fixtures", "samples", "quyet-dinh-quy-che.pdf");
        // Four pages of PDF/A-2b, as the preservation copy the archive keeps, with the 20 mm top margin of NĐ 30 at least (the
        // sample's text is moved 40 pt down).
        Tool.Run("gs", ["-q", "-dPDFA=2", "-dBATCH", "-dNOPAUSE", "-dPDFACompatibilityPolicy=1", "-sColorConversionStrategy=RGB",
            "-sDEVICE=pdfwrite", "-o", _source, "-c", "<</PageOffset [0 -40]>> setpagedevice", "-f", sample, sample, sample, sample]);
    }

    [OneTimeTearDown]
    public void Clean() => _folder.Dispose();

    private static CopyStamp Stamp(CopyForm form, string number) =>
        new(form, "Ủy ban nhân dân tỉnh Hà Tĩnh", SignedAt, number, "7K3QX9PA2M4T", Verification);

    private async Task<string> Make(CopyForm form, IReadOnlyList<int>? pages, string name)
    {
        var output = _folder.File(name);
        using var key = Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, "organisation.p12"), "test");
        await new CertifiedCopyMaker(new CopyDocumentBuilder(), Logger.None)
            .MakeAsync(_source, pages, Stamp(form, "03/" + form.Code), key, output, CancellationToken.None);
        return output;
    }

    [Test]
    public async Task A_sao_y_is_signed_trusted_stamped_in_an_embedded_font_and_still_pdf_a()
    {
        var copy = await Make(CopyForm.SaoY, null, "sao-y.pdf");

        var verdict = Pdfsig.Verify(copy).Single();
        Assert.That(verdict.SignatureValid, verdict.ToString());
        Assert.That(verdict.CertificateValidation, Does.StartWith("Certificate is Trusted"), verdict.ToString());
        Assert.That(verdict.TotalDocumentSigned);
        var (_, text) = Tool.Run("pdftotext", ["-f", "1", "-l", "1", copy, "-"]);
        Assert.That(text, Does.Contain("SAO Y").And.Contain("Ủy ban nhân dân tỉnh Hà Tĩnh").And.Contain("2026-11-30T09:41:07+07:00")
            .And.Contain("Số: 03/SY · Mã xác thực: 7K3QX9PA2M4T"));
        var (_, fonts) = Tool.Run("pdffonts", [copy]);
        Assert.That(fonts.Split('\n').Where(l => l.Contains("LiberationSerif")).ToList(),
            Has.Count.EqualTo(1).And.All.Match(EmbeddedFontRow()), fonts);
        Assert.That(PagesOf(copy), Is.EqualTo(4));
        var pdfa = await new PdfAVerifier(new ToolRunner(Logger.None), new ConversionOptions()).VerifyAsync(copy, CancellationToken.None);
        Assert.That(pdfa.IsValid, pdfa.ToString());
        var (_, signature) = Tool.Run("pdfsig", ["-nssdir", "sql:" + Pdfsig.NssDatabase(), copy]);
        Assert.That(signature, Does.Contain("Signing Time: Nov 30 2026 02:41:07"), "the stamp's time (pdfsig writes UTC)");
    }

    [Test]
    public async Task A_trich_sao_has_exactly_the_chosen_pages_and_its_qr_code_decodes_to_the_verification_address()
    {
        Tool.Require("zbarimg");
        var copy = await Make(CopyForm.TrichSao, [2, 4], "trich-sao.pdf");

        Assert.That(PagesOf(copy), Is.EqualTo(2));
        Assert.That(Tool.Run("pdftotext", ["-f", "1", "-l", "1", copy, "-"]).Output, Does.Contain("TRÍCH SAO").And.Contain("Số: 03/TrS"));
        var image = _folder.File("trang-1");
        Tool.Run("pdftoppm", ["-f", "1", "-l", "1", "-r", "200", "-png", "-singlefile", copy, image]);
        var (_, decoded) = Tool.Run("zbarimg", ["--quiet", "--raw", image + ".png"]);
        // zbarimg may add a D-Bus complaint on standard error, which Tool.Run merges: the code is the first line.
        Assert.That(decoded.Split('\n')[0], Is.EqualTo(Verification.AbsoluteUri));
    }

    [Test]
    public async Task A_copy_with_one_byte_changed_fails_pdfsig()
    {
        var copy = await Make(CopyForm.SaoY, null, "doi-mot-byte.pdf");
        var bytes = await File.ReadAllBytesAsync(copy);
        var at = bytes.Length / 3;
        bytes[at] ^= 0x01;
        await File.WriteAllBytesAsync(copy, bytes);

        Assert.That(Pdfsig.Verify(copy).Single().SignatureValid, Is.False);
    }

    [Test]
    public void Pages_beyond_the_document_are_refused_and_no_file_is_left()
    {
        Assert.That(() => Make(CopyForm.TrichSao, [3, 9], "ngoai-trang.pdf"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("có 4 trang; không có trang 9"));
        Assert.That(Directory.GetFiles(_folder.Path, "*ngoai-trang*"), Is.Empty);
    }

    private static int PagesOf(string pdf) =>
        int.Parse(PagesLine().Match(Tool.Run("pdfinfo", [pdf]).Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"TrueType\s+\S+\s+yes")]
    private static partial Regex EmbeddedFontRow();
}
