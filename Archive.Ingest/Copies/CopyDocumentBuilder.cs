using QRCoder;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Archive.Ingest.Copies;

/// <summary>
/// Writes the unsigned copy with PdfPig: the source's pages (or the chosen ones, for a TRÍCH SAO) as they are, PDF/A-2b,
/// with the stamp at the top right of the first page in Liberation Serif 10 pt (the metrics of Times New Roman), embedded,
/// and a QR code of the verification address beside it.
/// </summary>
/// <param name="fontFile">A TrueType font with Vietnamese glyphs (Debian's fonts-liberation2 by default).</param>
public sealed class CopyDocumentBuilder(string fontFile = CopyDocumentBuilder.LiberationSerif)
{
    public const string LiberationSerif = "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf";
    private const double FontSize = 10;
    // Four lines and the QR code fit in 52 pt: the top margin of 20–25 mm NĐ 30 (Phụ lục I) gives a document is 57–71 pt.
    private const double LineHeight = 11;
    private const double Margin = 8;
    private const double QrSize = 44;
    private const double QrGap = 6;
    // Between a SAO LỤC's stamp and the SAO Y's beside it.
    private const double Gap = 12;
    // Read once: a builder makes many copies, and the font is 400 KB.
    private byte[]? _font;

    /// <param name="under">
    /// For a SAO LỤC: the stamp of the SAO Y it is made from, which the source's first page already shows at the top right. The
    /// new stamp stands to its left in the same band, and the SAO Y's signature field is not copied (the SAO Y's own signature
    /// covers only the SAO Y).
    /// </param>
    /// <returns>The copy, where on page 1 the stamp stands (the signature's widget goes over it), and its number of pages.</returns>
    public async Task<(byte[] Pdf, PdfRectangle Stamp, int Pages)> BuildAsync(string sourcePdf, IReadOnlyList<int>? pages, CopyStamp stamp,
        CopyStamp? under, CancellationToken cancellationToken)
    {
        var font = _font ??= await ReadFontAsync(cancellationToken).ConfigureAwait(false);
        using var source = PdfDocument.Open(sourcePdf);
        var chosen = pages ?? Enumerable.Range(1, source.NumberOfPages).ToList();
        var beyond = chosen.Where(p => p < 1 || p > source.NumberOfPages).ToList();
        if (beyond.Count > 0)
            throw new InvalidDataException($"Văn bản có {source.NumberOfPages} trang; không có trang {string.Join(", ", beyond)}.");

        using var builder = new PdfDocumentBuilder { ArchiveStandard = PdfAStandard.A2B };
        var serif = builder.AddTrueTypeFont(font);
        var options = new PdfDocumentBuilder.AddPageOptions { KeepAnnotations = under is null };
        PdfRectangle area = default;
        foreach (var number in chosen)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = builder.AddPage(source, number, options);
            if (number != chosen[0]) continue;
            var size = source.GetPage(number);
            var right = size.Width - Margin;
            if (under is not null) right = Place(page, under, serif, right, size.Height).Left - Gap;
            area = Place(page, stamp, serif, right, size.Height);
            if (area.Left < Margin)
                throw new InvalidDataException($"Trang đầu rộng {size.Width:0} pt không đủ chỗ cho dấu {stamp.Form.Name} " +
                                               $"bên cạnh dấu {under?.Form.Name}.");
            DrawStamp(page, stamp, serif, area);
        }
        return (builder.Build(), area, chosen.Count);
    }

    /// <summary>Where a stamp whose right edge is at <paramref name="right"/> stands: its text, and the QR code left of it.</summary>
    private static PdfRectangle Place(PdfPageBuilder page, CopyStamp stamp, PdfDocumentBuilder.AddedFont font, double right,
        double pageTop)
    {
        var width = stamp.Lines.Max(line => Width(page, line, font));
        var top = pageTop - Margin;
        var bottom = Math.Min(top - stamp.Lines.Count * LineHeight - 2, top - QrSize);
        return new PdfRectangle(right - width - QrGap - QrSize, bottom, right, top);
    }

    private static void DrawStamp(PdfPageBuilder page, CopyStamp stamp, PdfDocumentBuilder.AddedFont font, PdfRectangle area)
    {
        var textLeft = area.Left + QrSize + QrGap;
        for (var i = 0; i < stamp.Lines.Count; i++)
            page.AddText(stamp.Lines[i], FontSize, new PdfPoint(textLeft, area.Top - FontSize - i * LineHeight), font);
        DrawQrCode(page, stamp.VerificationAddress, area.Left, area.Top - QrSize);
    }

    private async Task<byte[]> ReadFontAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(fontFile))
            throw new InvalidDataException($"Không có phông chữ '{fontFile}' để in dấu bản sao (cài gói fonts-liberation2).");
        return await File.ReadAllBytesAsync(fontFile, cancellationToken).ConfigureAwait(false);
    }

    private static double Width(PdfPageBuilder page, string text, PdfDocumentBuilder.AddedFont font) =>
        Width(page, text, font, FontSize);

    /// <summary>How wide a line of text is set in this font and size, measured by PdfPig without drawing it.</summary>
    internal static double Width(PdfPageBuilder page, string text, PdfDocumentBuilder.AddedFont font, double fontSize)
    {
        var letters = page.MeasureText(text, fontSize, new PdfPoint(0, 0), font);
        return letters.Count == 0 ? 0 : letters.Max(l => l.BoundingBox.Right) - letters.Min(l => l.BoundingBox.Left);
    }

    /// <summary>The QR code as filled squares, a run of dark modules of a row at a time: sharp at any zoom, and no image to
    /// carry a colour space that PDF/A would question.</summary>
    private static void DrawQrCode(PdfPageBuilder page, Uri address, double left, double bottom)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var cell = QrSize / modules.Count;
        page.SetTextAndFillColor(0, 0, 0);
        for (var row = 0; row < modules.Count; row++)
        {
            var y = bottom + QrSize - (row + 1) * cell;
            for (var column = 0; column < modules.Count;)
            {
                if (!modules[row][column]) { column++; continue; }
                var start = column;
                while (column < modules.Count && modules[row][column]) column++;
                page.DrawRectangle(new PdfPoint(left + start * cell, y), (column - start) * cell, cell, 0, fill: true);
            }
        }
        page.ResetColor();
    }
}
