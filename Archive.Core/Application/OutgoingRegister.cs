using System.Globalization;
using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Registry;
using Archive.Core.Storage;
using MiniExcelLibs;

namespace Archive.Core.Application;

/// <summary>
/// Sổ văn bản đi: the numbers one register gave in a year with their documents, shown and exported to XLSX, for those who keep the
/// registers (records officers and leaders of the agency).
/// </summary>
public sealed class OutgoingRegister(ArchiveStore store, AccessPolicy policy, TimeProvider clock)
{
    /// <param name="containing">Only lines whose text holds these words, with or without diacritics.</param>
    public IReadOnlyList<OutgoingRegisterLine> Lines(int? year, string? register, Actor actor, string? containing = null) =>
        store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.InboxRead);
        var wanted = (int?)(year ?? clock.GetLocalNow().Year);
        var book = register ?? NewOutgoingDocument.DefaultRegister;
        var agency = actor.Agency?.Value;
        return session.Outgoing.Where(o => o.Year == wanted && o.Register == book)
            .Where(o => o.Number is not null && (agency is null || o.Agency == agency))
            .OrderBy(o => o.Number).Select(o => new OutgoingRegisterLine(o.Number!.Value, o.Code!, o.IssueDate, o.TypeName, o.Subject,
                o.SignerName, string.Join("; ", o.Recipients.Select(r => o.IssuedAt is null || o.OnPaper
                    ? r.OrganName
                    : $"{r.OrganName} ({DeliveryStatusName.Of(r.Status)})")), o.Priority, o.Recipients.Count, o.DossierCode,
                o.Status == OutgoingStatus.Recalled ? "Đã thu hồi"
                : o.OnPaper ? "Văn bản giấy"
                : o.IssuedAt is null ? OutgoingStatusName.Of(o.Status) : null,
                o.Id, o.DocumentId))
            .Where(l => VietnameseText.Matches(containing, l.Code, l.TypeName, l.Subject, l.Signer, l.Recipients, l.Priority, l.Note))
            .ToList();
    });

    /// <summary>The register of a year as an XLSX workbook, its columns named as the register's.</summary>
    public async Task WriteXlsxAsync(int? year, string? register, Actor actor, Stream output, CancellationToken cancellationToken)
    {
        var rows = Lines(year, register, actor).Select(l => new Dictionary<string, object?>
        {
            ["Số, ký hiệu"] = l.Code,
            ["Ngày tháng"] = l.IssuedDate?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            ["Tên loại và trích yếu nội dung"] = $"{l.TypeName}: {l.Subject}",
            ["Người ký"] = l.Signer,
            ["Nơi nhận"] = l.Recipients,
            ["Độ khẩn"] = l.Priority ?? "Thường",
            ["Số lượng bản"] = l.Copies,
            ["Hồ sơ"] = l.Dossier,
            ["Ghi chú"] = l.Note,
        }).ToList();
        await output.SaveAsAsync(rows, sheetName: "So van ban di", cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
