using Archive.Core.Transfers;
using Archive.Ingest.Records;
using static Archive.Ingest.Records.RecordPdf;

namespace Archive.Ingest.Transfers;

/// <summary>
/// The two records a transfer package carries for people, as PDF/A-2b (<see cref="RecordPdf"/>): the inventory (mục lục hồ sơ
/// nộp lưu) and the handover record (biên bản giao nhận), which the export then signs with the agency's key.
/// </summary>
public sealed class TransferRecords(RecordPdf? pdf = null)
{
    private readonly RecordPdf _pdf = pdf ?? new RecordPdf();

    public Task<byte[]> InventoryAsync(IReadOnlyList<TransferDossier> dossiers, string sender, string package, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        _pdf.WriteAsync(
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
        _pdf.WriteAsync(
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
}
