using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Archive.Ingest.Conversion;
using Archive.Ingest.Conversion.Scans;
using Archive.Tests.Ingest.Signatures;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Ingest.Conversion;

/// <summary>
/// OCR that notices when it failed (#16 item 6). Pillow makes a five-page scan (fixtures/scans/make-skewed-scans.py): four
/// pages fed 4–5.5° askew with specks, whose first reading by OCRmyPDF with --deskew comes out in fragments, and a straight
/// clean page. Each page of the preservation copy must read with a character accuracy of at least 0.99 against the text the
/// page shows (1 − edit distance / length, spaces folded).
/// </summary>
public sealed class SkewedScanTests
{
    private static readonly double[] Angles = [5.0, -4.0, 5.5, -5.0, 0.0];

    private TempFolder _folder = null!;

    [OneTimeSetUp]
    public async Task MakeScans()
    {
        _folder = new TempFolder("archive-skewed-scans");
        var root = SignatureFixtures.RepositoryRoot();
        await ExternalTool.SucceedAsync("/usr/bin/python3", "python3-pil", Path.Combine(root, "fixtures", "scans", "make-skewed-scans.py"),
            Path.Combine(root, "fixtures", "text", "quy-che-ha-tinh.txt"), _folder.Path);
    }

    [OneTimeTearDown]
    public void Cleanup() => _folder.Dispose();

    [Test]
    public async Task Skewed_speckled_pages_are_read_again_straight_and_every_page_reads_true()
    {
        var output = _folder.File("copy.pdf");
        using var converter = new PreservationCopyConverter(new ConversionOptions(), Logger.None);
        var copy = await converter.ConvertAsync(new ConversionRequest(_folder.File("scan.pdf"), SourceKind.Pdf, SampleDocuments.Document(),
            output), CancellationToken.None);

        await PdfAAssert.IsPdfA2bAsync(output);
        var accuracies = new List<double>();
        for (var page = 1; page <= Angles.Length; page++)
        {
            var text = await ExternalTool.SucceedAsync("pdftotext", "poppler-utils", "-raw", "-enc", "UTF-8", "-f", $"{page}", "-l",
                $"{page}", output, "-");
            accuracies.Add(CharacterAccuracy(await File.ReadAllTextAsync(_folder.File($"page-{page}.txt")), text));
        }
        var worst = accuracies.IndexOf(accuracies.Min()) + 1;
        TestContext.Out.WriteLine("character accuracy by page: " + string.Join(", ", accuracies.Select((a, i) =>
            string.Create(CultureInfo.InvariantCulture, $"{i + 1} ({Angles[i]:+0.0;-0.0;0}°) {a:F4}"))) + $"; worst page {worst}");
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, copy.Report.Notes));

        Assert.That(accuracies, Has.All.GreaterThanOrEqualTo(0.99), $"worst page {worst}");
        for (var page = 1; page <= 4; page++)
            Assert.That(copy.Report.Notes, Has.Some.StartsWith($"Trang {page}: nhận dạng lần đầu kém"), "a skewed page was read again");
        Assert.That(copy.Report.Notes, Has.None.StartsWith("Trang 5:"), "the straight, clean page was read once");
        Assert.That(copy.Report.Steps.Select(s => s.Tool), Does.Contain(ScanRecovery.Tool));
        Assert.That(Regex.Replace(copy.Text, @"\s+", " "), Does.Contain(Regex.Replace(
            (await File.ReadAllLinesAsync(_folder.File("page-2.txt")))[0], @"\s+", " ")), "the index gets the second reading");
    }

    [Test]
    public async Task A_skewed_speckled_image_is_read_again_straight()
    {
        // Page 2 as an image: Tesseract finds no line on it as it is ("Empty page!!" on a page turned 4°).
        var output = _folder.File("page-2.pdf");
        using var converter = new PreservationCopyConverter(new ConversionOptions(), Logger.None);
        var copy = await converter.ConvertAsync(new ConversionRequest(_folder.File("page-2.png"), SourceKind.Image,
            SampleDocuments.Document(), output), CancellationToken.None);

        var text = await ExternalTool.SucceedAsync("pdftotext", "poppler-utils", "-raw", "-enc", "UTF-8", output, "-");
        var accuracy = CharacterAccuracy(await File.ReadAllTextAsync(_folder.File("page-2.txt")), text);
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"character accuracy {accuracy:F4}; ")
            + string.Join(" ", copy.Report.Notes));
        Assert.That(accuracy, Is.GreaterThanOrEqualTo(0.99));
        Assert.That(copy.Report.Notes, Has.Some.StartsWith("Trang 1: nhận dạng lần đầu kém"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public async Task The_projection_profile_finds_the_angle_a_page_was_turned(int page)
    {
        var rendered = _folder.File($"angle-{page}");
        await ExternalTool.SucceedAsync("pdftoppm", "poppler-utils", "-gray", "-r", "150", "-f", $"{page}", "-l", $"{page}", "-singlefile",
            _folder.File("scan.pdf"), rendered);

        var angle = SkewAngle.Estimate(await GrayImage.ReadPgmAsync(rendered + ".pgm", CancellationToken.None));

        Assert.That(angle, Is.EqualTo(Angles[page - 1]).Within(0.2));
    }

    [Test]
    public void A_turned_image_turns_back()
    {
        // A black bar across a white image: turned 5° and back, it is level again, and the corners it left are white.
        var pixels = Enumerable.Repeat((byte)255, 400 * 300).ToArray();
        for (var y = 140; y < 160; y++)
            for (var x = 50; x < 350; x++) pixels[y * 400 + x] = 0;
        var image = GrayImage.FromPixels(400, 300, pixels);

        var turned = image.Turned(5);
        Assert.That(SkewAngle.Estimate(turned), Is.EqualTo(5).Within(0.2));
        // Counter-clockwise: the bar's right end rose (y grows downwards) and its left end fell, 140 px · tan 5° ≈ 12 px.
        Assert.That(turned[340, 138], Is.LessThan(128));
        Assert.That(turned[340, 160], Is.GreaterThan(128));
        Assert.That(turned[60, 162], Is.LessThan(128));
        Assert.That(turned[60, 140], Is.GreaterThan(128));
        Assert.That(turned[0, 0], Is.EqualTo(255));
        Assert.That(SkewAngle.Estimate(turned.Turned(-5)), Is.EqualTo(0).Within(0.2));
    }

    [Test]
    public void Fragments_read_as_poor_and_a_sound_page_as_sound()
    {
        var sound = RecognitionQuality.Of(string.Join(' ', Enumerable.Repeat(
            "Điều 5. Văn bản số 12/QĐ-UBND ngày 31/12/2026 được tiếp nhận trên hệ thống - đúng hạn.", 3)));
        var fragments = RecognitionQuality.Of(string.Join(' ', Enumerable.Repeat(
            "¬_.. khi đăng ký. _ hà \"Điều! 5, “Tiếp nhận vvăn. n bản,điện. từ trênxhế q cố l2 ` ˆ", 3)));

        Assert.That(sound.Share, Is.EqualTo(1));
        Assert.That(sound.IsPoor, Is.False);
        Assert.That(fragments.IsPoor, Is.True);
        Assert.That(sound.IsBetterThan(fragments), Is.True);
        Assert.That(RecognitionQuality.Of("").IsPoor, Is.True, "a page read as empty is read again");
    }

    /// <summary>1 − Levenshtein distance / length of the expected text, both in NFC with runs of white space as one space.</summary>
    private static double CharacterAccuracy(string expected, string actual)
    {
        static string Flat(string text) => Regex.Replace(text.Normalize(NormalizationForm.FormC), @"\s+", " ").Trim();
        string a = Flat(expected), b = Flat(actual);
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / a.Length;
    }
}
