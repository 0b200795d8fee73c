using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Core.Storage;
using MiniExcelLibs;

namespace Archive.Core.Application;

/// <summary>Sổ văn bản đến: the arrival numbers of a year with their documents, shown and exported to XLSX, for those who keep the inbox.</summary>
public sealed class IncomingRegister(ArchiveStore store, AccessPolicy policy, TimeProvider clock)
{
    /// <param name="containing">Only lines whose text holds these words, with or without diacritics.</param>
    public IReadOnlyList<IncomingRegisterLine> Lines(int? year, Actor actor, string? containing = null) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.InboxRead);
        var wanted = year ?? clock.GetLocalNow().Year;
        return session.Arrivals.Where(a => a.Year == wanted).OrderBy(a => a.Number).Select(arrival =>
        {
            var d = session.Documents.Get(arrival.DocumentId);
            return new IncomingRegisterLine(arrival.Number, arrival.ArrivalDate, arrival.Priority, d?.Notation?.Value
                ?? (d?.CodeNumber is { } n ? $"{n}/{d.CodeNotation}" : null), d?.IssuedDate, d?.OrganName ?? "", d?.TypeName ?? "", d?.Subject,
                d?.FileCode.Value ?? "", arrival.DocumentId);
        }).Where(l => VietnameseText.Matches(containing, l.Notation, l.OrganName, l.TypeName, l.Subject, l.Priority, l.Dossier)).ToList();
    });

    /// <summary>The register of a year as an XLSX workbook, its columns named as the register's.</summary>
    public async Task WriteXlsxAsync(int? year, Actor actor, Stream output, CancellationToken cancellationToken)
    {
        var rows = Lines(year, actor).Select(l => new Dictionary<string, object?>
        {
            ["Số đến"] = l.Number,
            ["Ngày đến"] = l.ArrivalDate.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Độ khẩn"] = l.Priority ?? "Thường",
            ["Số, ký hiệu"] = l.Notation,
            ["Ngày văn bản"] = l.IssuedDate?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ["Cơ quan ban hành"] = l.OrganName,
            ["Tên loại"] = l.TypeName,
            ["Trích yếu"] = l.Subject,
            ["Hồ sơ"] = l.Dossier,
        }).ToList();
        await output.SaveAsAsync(rows, sheetName: "So van ban den", cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
