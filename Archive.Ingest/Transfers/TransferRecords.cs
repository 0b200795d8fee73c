using System.Globalization;
using Archive.Core.Transfers;
using Archive.Ingest.Copies;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Archive.Ingest.Transfers;

/// <summary>
/// The two records a transfer package carries for people, as PDF/A-2b written with PdfPig in Liberation Serif (embedded, with its
/// Vietnamese glyphs): the inventory (mục lục hồ sơ nộp lưu) and the handover record (biên bản giao nhận), which the export then
/// signs with the agency's key. A4 pages, long lines wrapped by their measured width.
/// </summary>
public sealed class TransferRecords(string fontFile = CopyDocumentBuilder.LiberationSerif)
{
    private const double PageWidth = 595;
    private const double PageHeight = 842;
    private const double Margin = 56;
    private const double FontSize = 11;
    private const double LineHeight = 15;

    public Task<byte[]> InventoryAsync(IReadOnlyList<TransferDossier> dossiers, string sender, string package, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        WriteAsync(
        [
            sender.ToUpperInvariant(), "", "MỤC LỤC HỒ SƠ NỘP LƯU", $"Gói nộp lưu {package}, lập ngày {Date(at)}", "",
            .. dossiers.Select((d, i) =>
                $"{i + 1}. {d.Dossier.FileCode} — {d.Dossier.Title}. Thời gian: {Date(d.Dossier.StartDate)} – {Date(d.Dossier.EndDate)}; " +
                $"thời hạn bảo quản: {d.Dossier.Maintenance.Value}; chế độ sử dụng: {d.Dossier.Rights.Code}; " +
                $"{d.Dossier.DocTotal} văn bản, {d.Dossier.PageTotal} trang."),
            "", $"Tổng cộng: {dossiers.Count} hồ sơ, {dossiers.Sum(d => d.Dossier.DocTotal)} văn bản, " +
                $"{dossiers.Sum(d => d.Dossier.PageTotal)} trang.",
        ], cancellationToken);

    /// <param name="inventorySha256">The inventory's SHA-256: the record names the list it hands over.</param>
    public Task<byte[]> HandoverAsync(IReadOnlyList<TransferDossier> dossiers, string sender, string package, int documents,
        string inventorySha256, DateTimeOffset at, CancellationToken cancellationToken) =>
        WriteAsync(
        [
            sender.ToUpperInvariant(), "", "BIÊN BẢN GIAO NHẬN TÀI LIỆU NỘP LƯU", "",
            $"Hôm nay, ngày {Date(at)}, {sender} giao tài liệu nộp lưu vào Lưu trữ lịch sử bằng gói điện tử {package} " +
            "(định dạng BagIt, RFC 8493; siêu dữ liệu theo Thông tư 02/2019/TT-BNV).",
            "",
            $"Số hồ sơ: {dossiers.Count}. Số văn bản: {documents}. Thời gian của tài liệu: " +
            $"{Date(dossiers.Min(d => d.Dossier.StartDate))} – {Date(dossiers.Max(d => d.Dossier.EndDate))}.",
            $"Mục lục hồ sơ kèm theo: muc-luc-ho-so.xlsx và muc-luc-ho-so.pdf (SHA-256 của bản PDF: {inventorySha256}).",
            "Mỗi tệp trong gói có mã SHA-256 và SHA-512 trong tệp manifest của gói; bên nhận kiểm tra đủ tệp và đúng mã trước khi nhận.",
            "",
            "Biên bản này được ký số bằng chữ ký số của cơ quan giao tài liệu.",
            "", "ĐẠI DIỆN BÊN GIAO                                        ĐẠI DIỆN BÊN NHẬN",
        ], cancellationToken);

    private async Task<byte[]> WriteAsync(IReadOnlyList<string> paragraphs, CancellationToken cancellationToken)
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

    private static string Date(DateTimeOffset at) => at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "…";
}
