using System.Globalization;
using Archive.Core.Catalog;
using Archive.Ingest.PdfSyntax;
using Archive.Ingest.Signatures;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Archive.Ingest.Issuing;

/// <summary>
/// Writes a document's number into the signed file the way the records officer writes it on paper: in the gap the drafter left
/// after "Số:" on page 1 ("Số:    /QĐ-UBND"), as a FreeText annotation appended in an incremental update. The personal signature
/// allows that change (an annotation added to a page, ISO 32000-1 12.8.2.2) unless it certified the document against
/// annotations (DocMDP P=1 or 2), which is refused before a byte is written. The digits are drawn in Helvetica: they need no
/// other glyph, so the file needs no new font, and `pdftotext` reads them from the appearance.
/// </summary>
internal static class NumberStamp
{
    /// <summary>Helvetica's digit width (1/1000 em): every digit has the same.</summary>
    private const double DigitWidth = 0.556;

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/> with the number written after "Số:".</summary>
    public static async Task WriteAsync(string input, string output, string number, CancellationToken cancellationToken)
    {
        if (!number.All(char.IsAsciiDigit)) throw new ArgumentException("A document number is digits only.", nameof(number));
        PdfIncrementalUpdate update;
        UglyToad.PdfPig.CrossReference.TrailerDictionary trailer;
        using (var document = Open(input))
        {
            if (PostSigningChanges.DocMdpPermissions(document) is { } p and < 3)
                throw new InvalidDataException(
                    $"Chữ ký cá nhân chứng nhận văn bản (DocMDP P={p}) và không cho phép thêm gì vào văn bản: không ghi số được. " +
                    "Người có thẩm quyền ký lại bằng chữ ký thông thường (không khóa văn bản).");
            trailer = document.Structure.Trailer;
            update = Plan(document, number);
        }
        await using var file = new FileStream(output, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            await using (var source = File.OpenRead(input)) await source.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            update.AppendTo(file, trailer);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            File.Delete(output);
            throw;
        }
    }

    private static PdfDocument Open(string path)
    {
        try
        {
            return PdfDocument.Open(path, Parsing.Strict);
        }
        catch (Exception e) when (Parsing.IsPdfFailure(e) || e is UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            throw new InvalidDataException("Văn bản đã ký không đọc được (cấu trúc PDF hỏng hoặc đặt mật khẩu): không ghi số được.", e);
        }
    }

    private static PdfIncrementalUpdate Plan(PdfDocument document, string number)
    {
        var page = document.GetPage(1);
        var words = page.GetWords().ToList();
        var label = words.Select((w, i) => (Word: w, Index: i))
                        .Where(p => VietnameseText.Fold(p.Word.Text) is "so:" or "so" && IsColonAfter(words, p.Index))
                        .OrderByDescending(p => p.Word.BoundingBox.Top).ThenBy(p => p.Word.BoundingBox.Left)
                        .Select(p => p.Word).FirstOrDefault()
                    ?? throw new InvalidDataException(
                        "Không tìm thấy chỗ ghi số (\"Số:\") trên trang 1 của văn bản (NĐ 30 Phụ lục I): không ghi số được.");
        var size = label.Letters[0].PointSize is > 4 and < 40 and var s ? s : 13;
        var baseline = label.Letters[0].StartBaseLine.Y;
        var width = number.Length * DigitWidth * size + 2;
        var colonRight = ColonRight(words, label);
        // Right against the "/" of the ký hiệu when the gap holds the digits, else just after the colon.
        var slash = words.Where(w => w.Text.StartsWith('/') && Math.Abs(w.Letters[0].StartBaseLine.Y - baseline) < size / 2
                                     && w.BoundingBox.Left > colonRight)
            .OrderBy(w => w.BoundingBox.Left).FirstOrDefault();
        var left = slash is not null && slash.BoundingBox.Left - colonRight >= width + 2
            ? slash.BoundingBox.Left - width - 1
            : colonRight + 3;
        var (bottom, top) = (baseline - 0.3 * size, baseline + 0.9 * size);

        var structure = document.Structure;
        var target = PageTree.PagesWithReferences(document).First(p => p.Number == 1);
        var objects = new SortedDictionary<long, string>();
        long next = structure.Trailer.Size;
        var annotation = next++;
        var appearance = next++;
        PdfObjectWriter.AddAnnotation(structure, target.Page, target.Reference!.Value, $"{annotation} 0 R", objects);
        var pageRef = $"{target.Reference.Value.ObjectNumber} {target.Reference.Value.Generation} R";
        var font = Number(size);
        objects[annotation] = string.Create(CultureInfo.InvariantCulture,
            $"<< /Type /Annot /Subtype /FreeText /Rect [{left:0.##} {bottom:0.##} {left + width:0.##} {top:0.##}] /P {pageRef} /F 4 " +
            $"/NM {PdfObjectWriter.TextString("so-van-ban")} /Contents ({number}) /DA (/Helv {font} Tf 0 g) /Border [0 0 0] " +
            $"/AP << /N {appearance} 0 R >> >>");
        var stream = string.Create(CultureInfo.InvariantCulture, $"BT /Helv {font} Tf 0 g 1 {0.3 * size:0.##} Td ({number}) Tj ET");
        var update = new PdfIncrementalUpdate();
        foreach (var (n, body) in objects) update.Set(n, body);
        var box = string.Create(CultureInfo.InvariantCulture, $"/BBox [0 0 {width:0.##} {top - bottom:0.##}]");
        update.SetStream(appearance, $"/Type /XObject /Subtype /Form {box} /Resources << /Font << /Helv << /Type /Font " +
            "/Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >> >>", System.Text.Encoding.ASCII.GetBytes(stream));
        return update;
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>"Số:" as one word, or "Số" with the colon as the next word on the same line.</summary>
    private static bool IsColonAfter(IReadOnlyList<Word> words, int index) =>
        words[index].Text.EndsWith(':') || index + 1 < words.Count && words[index + 1].Text.StartsWith(':');

    private static double ColonRight(IReadOnlyList<Word> words, Word label)
    {
        if (label.Text.EndsWith(':')) return label.BoundingBox.Right;
        var index = words.ToList().IndexOf(label);
        return words[index + 1].Text == ":" ? words[index + 1].BoundingBox.Right : label.BoundingBox.Right + 4;
    }
}
