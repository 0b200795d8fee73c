using Archive.Core.Application;
using Archive.Core.Audit;
using static Archive.Ingest.Records.RecordPdf;

namespace Archive.Ingest.Records;

/// <summary>
/// The registers (sổ đăng ký văn bản đến, đi; NĐ 30 Phụ lục VI) printed as PDF/A-2b (<see cref="RecordPdf"/>): a title, then one
/// paragraph per line of the register with its columns named, in register order. What the registers' pages show, kept for good.
/// </summary>
public sealed class RegisterPrint(IncomingRegister incoming, OutgoingRegister outgoing, TimeProvider clock, RecordPdf? pdf = null)
{
    private readonly RecordPdf _pdf = pdf ?? new RecordPdf();

    public Task<byte[]> IncomingAsync(int? year, Actor actor, CancellationToken cancellationToken)
    {
        var shown = year ?? clock.GetLocalNow().Year;
        var lines = incoming.Lines(shown, actor);
        return _pdf.WriteAsync(
        [
            $"SỔ ĐĂNG KÝ VĂN BẢN ĐẾN NĂM {shown}", $"{lines.Count} văn bản.", "",
            .. lines.Select(l => $"Số đến {l.Number} — ngày đến {Date(l.ArrivalDate)} — độ khẩn: {l.Priority ?? "Thường"} — " +
                                 $"số, ký hiệu: {l.Notation ?? "…"} — ngày văn bản: {Date(l.IssuedDate)} — " +
                                 $"cơ quan ban hành: {l.OrganName} — {l.TypeName}: {l.Subject} — hồ sơ {l.Dossier}"),
        ], cancellationToken);
    }

    public Task<byte[]> OutgoingAsync(int? year, string? register, Actor actor, CancellationToken cancellationToken)
    {
        var shown = year ?? clock.GetLocalNow().Year;
        var lines = outgoing.Lines(shown, register, actor);
        return _pdf.WriteAsync(
        [
            $"SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM {shown} (sổ \"{register ?? Core.Issuing.NewOutgoingDocument.DefaultRegister}\")",
            $"{lines.Count} văn bản.", "",
            .. lines.Select(l => $"Số, ký hiệu {l.Code} — ngày {Date(l.IssuedDate)} — {l.TypeName}: {l.Subject} — người ký: {l.Signer} — " +
                                 $"nơi nhận: {l.Recipients} — độ khẩn: {l.Priority ?? "Thường"} — số bản: {l.Copies} — hồ sơ {l.Dossier}" +
                                 (l.Note is { } note ? $" — ghi chú: {note}" : "")),
        ], cancellationToken);
    }
}
