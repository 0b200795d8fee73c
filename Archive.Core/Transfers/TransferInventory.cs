using System.Globalization;
using MiniExcelLibs;

namespace Archive.Core.Transfers;

/// <summary>Mục lục hồ sơ nộp lưu: one row per dossier with the columns of the inventory the receiving archive signs for.</summary>
public static class TransferInventory
{
    public const string SheetName = "Muc luc ho so";

    public static IReadOnlyList<Dictionary<string, object?>> Rows(IReadOnlyList<TransferDossier> dossiers) =>
        dossiers.Select((d, i) => new Dictionary<string, object?>
        {
            ["STT"] = i + 1,
            ["Mã hồ sơ"] = d.Dossier.FileCode.Value,
            ["Số và ký hiệu hồ sơ"] = d.Dossier.FileNotation,
            ["Tiêu đề hồ sơ"] = d.Dossier.Title,
            ["Thời gian bắt đầu"] = Date(d.Dossier.StartDate),
            ["Thời gian kết thúc"] = Date(d.Dossier.EndDate),
            ["Thời hạn bảo quản"] = d.Dossier.Maintenance.Value,
            ["Chế độ sử dụng"] = d.Dossier.Rights.Code,
            ["Số văn bản"] = d.Dossier.DocTotal,
            ["Số trang"] = d.Dossier.PageTotal,
            ["Ghi chú"] = d.Dossier.Description,
        }).ToList();

    /// <summary>The inventory as an XLSX workbook written to <paramref name="output"/>.</summary>
    public static Task WriteXlsxAsync(IReadOnlyList<TransferDossier> dossiers, Stream output, CancellationToken cancellationToken) =>
        output.SaveAsAsync(Rows(dossiers), sheetName: SheetName, cancellationToken: cancellationToken);

    private static string? Date(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
}
