using System.Globalization;
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
    // Now, to the second: the test PKI is issued when the run starts, and a copy is signed within its certificate's validity.
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1)
        .ToOffset(TimeSpan.FromHours(7));
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

    private Task<string> Make(CopyForm form, IReadOnlyList<int>? pages, string name) =>
        Make(_source, Stamp(form, "03/" + form.Code), null, pages, name);

    private async Task<string> Make(string source, CopyStamp stamp, CopyStamp? under, IReadOnlyList<int>? pages, string name,
        string signer = "organisation", ITimestampAuthority? tsa = null)
    {
        var output = _folder.File(name);
        using var key = Pkcs12SigningKey.Load(Path.Combine(SignatureFixtures.Pki, signer + ".p12"), "test");
        await new CertifiedCopyMaker(new CopyDocumentBuilder(), tsa, Logger.None)
            .MakeAsync(source, pages, stamp, under, key, output, CancellationToken.None);
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
        Assert.That(text, Does.Contain("SAO Y").And.Contain("Ủy ban nhân dân tỉnh Hà Tĩnh")
            .And.Contain(SignedAt.ToString("yyyy-MM-dd'T'HH:mm:ss'+07:00'", CultureInfo.InvariantCulture))
            .And.Contain("Số: 03/SY · Mã xác thực: 7K3QX9PA2M4T"));
        var (_, fonts) = Tool.Run("pdffonts", [copy]);
        Assert.That(fonts.Split('\n').Where(l => l.Contains("LiberationSerif")).ToList(),
            Has.Count.EqualTo(1).And.All.Match(EmbeddedFontRow()), fonts);
        Assert.That(PagesOf(copy), Is.EqualTo(4));
        var pdfa = await new PdfAVerifier(new ToolRunner(Logger.None), new ConversionOptions()).VerifyAsync(copy, CancellationToken.None);
        Assert.That(pdfa.IsValid, pdfa.ToString());
        var (_, signature) = Tool.Run("pdfsig", ["-nssdir", "sql:" + Pdfsig.NssDatabase(), copy]);
        var signingTime = SignedAt.UtcDateTime.ToString("MMM dd yyyy HH:mm:ss", CultureInfo.InvariantCulture);
        Assert.That(signature, Does.Contain("Signing Time: " + signingTime),
            "the stamp's time (pdfsig writes UTC)");
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
    public async Task Openssl_cms_verifies_the_signature_over_the_signed_byte_range()
    {
        var copy = await Make(CopyForm.SaoY, null, "cms.pdf");
        var bytes = await File.ReadAllBytesAsync(copy);
        var range = PdfBytes.LastByteRange(bytes);
        var signedContent = _folder.File("cms-content.bin");
        await File.WriteAllBytesAsync(signedContent,
            [.. bytes.AsSpan((int)range[0], (int)range[1]), .. bytes.AsSpan((int)range[2], (int)range[3])]);
        // The hex between the two ranges, less its angle brackets, is the DER of the CMS, padded with zeros.
        var hex = PdfBytes.Text(bytes[(int)(range[0] + range[1] + 1)..(int)(range[2] - 1)]).TrimEnd('0');
        var cms = _folder.File("cms.der");
        await File.WriteAllBytesAsync(cms, Convert.FromHexString(hex.Length % 2 == 0 ? hex : hex + "0"));

        var (exit, output) = Tool.Run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", signedContent,
            "-CAfile", Path.Combine(SignatureFixtures.Pki, "root.cer"), "-purpose", "any", "-out", "/dev/null"], check: false);
        Assert.That(exit, Is.EqualTo(0), output);
        Assert.That(output, Does.Contain("Verification successful"));

        bytes = await File.ReadAllBytesAsync(signedContent);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(signedContent, bytes);
        Assert.That(Tool.Run("openssl", ["cms", "-verify", "-binary", "-inform", "DER", "-in", cms, "-content", signedContent,
            "-CAfile", Path.Combine(SignatureFixtures.Pki, "root.cer"), "-purpose", "any", "-out", "/dev/null"], check: false).ExitCode,
            Is.Not.EqualTo(0), "a changed byte in the signed range");
    }

    [Test]
    public async Task A_sao_luc_of_a_sao_y_keeps_its_stamp_puts_its_own_beside_it_and_has_one_valid_signature()
    {
        var saoY = Stamp(CopyForm.SaoY, "03/SY");
        var source = await Make(_source, saoY, null, null, "nguon-sao-y.pdf");
        var saoLuc = new CopyStamp(CopyForm.SaoLuc, "Sở Nội vụ tỉnh Hà Tĩnh", SignedAt.AddMinutes(1), "01/SL", "9W4RT2KD8HQM",
            new Uri("http://127.0.0.1:5080/xac-thuc?ma=9W4RT2KD8HQM"));

        var copy = await Make(source, saoLuc, saoY, null, "sao-luc.pdf");

        var verdict = Pdfsig.Verify(copy).Single();
        Assert.That(verdict.SignatureValid && verdict.TotalDocumentSigned, verdict.ToString());
        var (_, text) = Tool.Run("pdftotext", ["-f", "1", "-l", "1", copy, "-"]);
        Assert.That(text, Does.Contain("SAO LỤC").And.Contain("Số: 01/SL").And.Contain("SAO Y").And.Contain("Số: 03/SY"));
        var (_, words) = Tool.Run("pdftotext", ["-bbox", "-f", "1", "-l", "1", copy, "-"]);
        Assert.That(Box(words, "01/SL").XMax, Is.LessThan(Box(words, "03/SY").XMin - 44),
            "the SAO LỤC's stamp and QR code left of the SAO Y's");
        Assert.That(Box(words, "01/SL").YMax, Is.LessThan(60), "in the top band");
        var pdfa = await new PdfAVerifier(new ToolRunner(Logger.None), new ConversionOptions()).VerifyAsync(copy, CancellationToken.None);
        Assert.That(pdfa.IsValid, pdfa.ToString());
        Assert.That(PagesOf(copy), Is.EqualTo(4));
    }

    [Test]
    public async Task With_a_timestamp_authority_the_copy_is_pades_b_t()
    {
        var stamp = Stamp(CopyForm.SaoY, "04/SY");

        var copy = await Make(_source, stamp, null, null, "b-t.pdf", tsa: new OpensslTimestampAuthority());

        Assert.That(Pdfsig.Verify(copy).Single().SignatureValid);
        var report = await SignatureFixtures.VerifyAsync(copy);
        Assert.That(report.Signatures.Single().TimeSource, Is.EqualTo(Archive.Ingest.Signatures.TimeSource.Timestamp),
            OpensslSignedPdfTests.Describe(report));
    }

    [TestCase("expired", "đã hết hạn ngày 01/01/2021")]
    [TestCase("notyet", "chỉ có hiệu lực từ ngày 01/01/2040")]
    public void A_certificate_not_valid_at_the_signing_time_is_refused_and_no_file_is_left(string signer, string message)
    {
        Assert.That(() => Make(_source, Stamp(CopyForm.SaoY, "05/SY"), null, null, signer + ".pdf", signer),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains(message));
        Assert.That(Directory.GetFiles(_folder.Path, signer + "*"), Is.Empty);
    }

    [Test]
    public void Pages_beyond_the_document_are_refused_and_no_file_is_left()
    {
        Assert.That(() => Make(CopyForm.TrichSao, [3, 9], "ngoai-trang.pdf"),
            Throws.TypeOf<InvalidDataException>().With.Message.Contains("có 4 trang; không có trang 9"));
        Assert.That(Directory.GetFiles(_folder.Path, "*ngoai-trang*"), Is.Empty);
    }

    private static (double XMin, double XMax, double YMax) Box(string bboxHtml, string word)
    {
        var m = Regex.Match(bboxHtml,
            $"""<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">{Regex.Escape(word)}</word>""");
        Assert.That(m.Success, $"'{word}' not on page 1");
        double At(int group) => double.Parse(m.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);
        return (At(1), At(2), At(3));
    }

    private static int PagesOf(string pdf) =>
        int.Parse(PagesLine().Match(Tool.Run("pdfinfo", [pdf]).Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"TrueType\s+\S+\s+yes")]
    private static partial Regex EmbeddedFontRow();
}
