using System.Text;
using System.Text.RegularExpressions;
using Archive.Tests.Support;

namespace Archive.Tests.Ingest.Signatures;

/// <summary>
/// Known bad input at intake (encrypted, truncated, not a PDF, a broken ZIP, a signature whose CMS is damaged): each is refused
/// with reasons in Vietnamese; no stack trace reaches the console and no English library message reaches the reasons (the log
/// file keeps the detail).
/// </summary>
[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed partial class BadIntakeTests(CatalogEngine engine) : DemoDossierTest(engine)
{
    [GeneratedRegex(@"\b(the|is|not|invalid|object|length|stream|unexpected|failed|error|exception|truncated|expected|bytes?)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex English();

    [SetUp]
    public Task TrustTheTestPki() => SignatureFixtures.TrustInAsync(Data.Path);

    [Test]
    public async Task Each_known_bad_input_is_refused_in_vietnamese_without_a_stack_trace()
    {
        var plain = SamplePdf.Write(Data.File("goc.pdf"), "Cong van thu nghiem");
        var bytes = await File.ReadAllBytesAsync(plain);
        var truncated = Data.File("cat-cut.pdf");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var notPdf = Data.File("khong-phai.pdf");
        await File.WriteAllBytesAsync(notPdf, Encoding.ASCII.GetBytes("%PDF-1.7\nthis is not really a PDF at all\n"));
        var encrypted = Data.File("ma-hoa.pdf");
        Assert.That(Tool.Run("qpdf", ["--encrypt", "u", "o", "256", "--", plain, encrypted], check: false).ExitCode, Is.Zero);
        var zip = Data.File("hong.zip");
        await File.WriteAllBytesAsync(zip, [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 200))]);
        var signed = await File.ReadAllBytesAsync(SignatureFixtures.SignedFile("issued.pdf"));
        var range = PdfBytes.LastByteRange(signed);
        // The DER length of the CMS, changed: the structure no longer parses.
        signed[range[1] + 4] = (byte)(signed[range[1] + 4] == (byte)'F' ? '0' : 'F');
        var damaged = PdfBytes.Write(signed, "cms-hong.pdf");

        foreach (var file in new[] { truncated, notPdf, encrypted, zip, damaged })
        {
            var ingest = await Cli.RunAsync("ingest", file, "--dossier", DemoDossier.Code, "--data", Data.Path);
            var said = ingest.Stdout + ingest.Stderr;
            Assert.That(ingest.ExitCode, Is.Not.Zero, said);
            Assert.That(said, Does.Not.Contain("   at ").And.Not.Contain("Exception"), $"{Path.GetFileName(file)}: {said}");
            Assert.That(English().Matches(said).Select(m => m.Value), Is.Empty, $"{Path.GetFileName(file)}: {said}");
            Assert.That(said, Does.Contain(Path.GetFileName(file)));
        }
    }
}
