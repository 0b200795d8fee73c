using Archive.Core.Disposal;
using Archive.Ingest.Records;
using static Archive.Ingest.Records.RecordPdf;

namespace Archive.Ingest.Disposal;

/// <summary>
/// The destruction record (biên bản hủy tài liệu hết giá trị) as PDF/A-2b (<see cref="RecordPdf"/>): which dossiers, on whose
/// decision and approval, how, and the SHA-256 of every file removed, so that the record proves what is gone.
/// </summary>
public sealed class DestructionRecord(RecordPdf? pdf = null)
{
    private readonly RecordPdf _pdf = pdf ?? new RecordPdf();

    public Task<byte[]> WriteAsync(IReadOnlyList<DossierContent> dossiers, string agency, string record, DateTimeOffset at,
        string actor, CancellationToken cancellationToken) =>
        _pdf.WriteAsync(
        [
            agency.ToUpperInvariant(), "", "BIÊN BẢN VỀ VIỆC HỦY TÀI LIỆU HẾT GIÁ TRỊ", $"Số: {record}", "",
            $"Hôm nay, ngày {Date(at)}, {agency} hủy tài liệu điện tử hết giá trị theo quyết định của Hội đồng xác định giá trị " +
            "tài liệu, đã được người đứng đầu cơ quan phê duyệt.",
            "",
            $"Tài liệu được hủy: {dossiers.Count} hồ sơ, {dossiers.Sum(d => d.Documents.Count)} văn bản, " +
            $"{dossiers.Sum(d => d.Files.Count)} tệp, {dossiers.Sum(d => d.Bytes)} byte.",
            .. dossiers.Select((d, i) =>
                $"{i + 1}. {d.Dossier.FileCode} — {d.Dossier.Title}. Thời gian: {Date(d.Dossier.StartDate)} – {Date(d.Dossier.EndDate)}; " +
                $"thời hạn bảo quản {d.Dossier.Maintenance.Value}, hết hạn ngày {Date(d.Dossier.RetentionEnds)}; " +
                $"{d.Documents.Count} văn bản. Hội đồng: {d.Dossier.Appraisal?.Council}" +
                (d.Dossier.Appraisal?.Reason is { } reason ? $" ({reason})" : "") +
                $". Duyệt hủy: {d.Dossier.Appraisal?.ApprovedBy}, ngày {Date(d.Dossier.Appraisal?.ApprovedAt ?? at)}."),
            "",
            "Phương thức hủy: xóa nội dung số (bản gốc, bản PDF/A, văn bản trích xuất, bản sao đã cấp) khỏi kho lưu trữ; các bộ " +
            "sao lưu lập sau ngày hủy không còn nội dung này. Siêu dữ liệu của hồ sơ và văn bản được giữ lại, ghi dẫn biên bản này.",
            "",
            "Các tệp đã hủy (mã SHA-256):",
            .. dossiers.SelectMany(d => d.Files.Select(f => $"{d.Dossier.FileCode}: {f.Sha256}")),
            "",
            $"Người thực hiện: {actor}.",
            "Biên bản này được ký số bằng chữ ký số của cơ quan.",
        ], cancellationToken);
}
