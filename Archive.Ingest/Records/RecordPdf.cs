using System.Globalization;
using Archive.Ingest.Copies;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Archive.Ingest.Records;

/// <summary>
/// A record the archive writes for people (biên bản, mục lục) as PDF/A-2b with PdfPig in Liberation Serif (embedded, with its
/// Vietnamese glyphs): paragraphs on A4 pages, long lines wrapped by their measured width.
/// </summary>
public sealed class RecordPdf(string fontFile = CopyDocumentBuilder.LiberationSerif)
{
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double Margin = 56;
    private const double FontSize = 11;
    private const double LineHeight = 15;

    public async Task<byte[]> WriteAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken)
    {
        if (!File.Exists(fontFile))
            throw new InvalidDataException($"Không có phông chữ '{fontFile}' để in biên bản (cài gói fonts-liberation2).");
        var font = await File.ReadAllBytesAsync(fontFile, cancellationToken).ConfigureAwait(false);
        using var builder = new PdfDocumentBuilder { ArchiveStandard = PdfAStandard.A2B };
        var serif = builder.AddTrueTypeFont(font);
        var page = builder.AddPage(PageWidth, PageHeight);
        var y = PageHeight - Margin;
        foreach (var paragraph in paragraphs)
            foreach (var line in Wrap(paragraph, text => CopyDocumentBuilder.Width(page, text, serif, FontSize)))
            {
                if (y < Margin)
                {
                    page = builder.AddPage(PageWidth, PageHeight);
                    y = PageHeight - Margin;
                }
                if (line.Length > 0) page.AddText(line, FontSize, new PdfPoint(Margin, y), serif);
                y -= LineHeight;
            }
        return builder.Build();
    }

    /// <summary>Words onto lines no wider than the text column.</summary>
    private static IEnumerable<string> Wrap(string paragraph, Func<string, double> width)
    {
        if (paragraph.Length == 0)
        {
            yield return "";
            yield break;
        }
        var line = "";
        foreach (var word in paragraph.Split(' '))
        {
            var longer = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && width(longer) > PageWidth - 2 * Margin)
            {
                yield return line;
                line = word;
            }
            else line = longer;
        }
        yield return line;
    }

    /// <summary>A date as records print it, dd/MM/yyyy.</summary>
    public static string Date(DateTimeOffset at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…";
}
