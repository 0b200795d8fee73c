using Archive.Core.Disposal;

namespace Archive.Core.Catalog;

/// <summary>
/// Hồ sơ — TT 02 §2 metadata plus its life cycle (Open → Closed → Transferred, with reopening
/// from Closed). Life-cycle methods return new instances and refuse illegal transitions with a
/// <see cref="DossierLifecycleException"/>. Create new dossiers with <see cref="Create"/>.
/// </summary>
public sealed record Dossier
{
    private readonly string _identifier = "";

    public required DossierCode FileCode { get; init; }

    /// <summary>Mã cơ quan lưu trữ lịch sử (13); empty until known.</summary>
    /// <remarks>Null (e.g. LiteDB's EmptyStringToNull on read) is kept as "", so the property is never null.</remarks>
    public string Identifier { get => _identifier; init => _identifier = value ?? ""; }

    public required AgencyCode OrganId { get; init; }

    /// <summary>Năm hình thành hồ sơ.</summary>
    public required int FileCatalog { get; init; }

    /// <summary>Số và ký hiệu hồ sơ (20), e.g. "01.TH".</summary>
    public required string FileNotation { get; init; }

    /// <summary>Tiêu đề hồ sơ (1000).</summary>
    public required string Title { get; init; }

    public required RetentionPeriod Maintenance { get; init; }

    public required AccessMode Rights { get; init; }

    public LanguageCode Language { get; init; } = LanguageCode.Vietnamese;

    public DateOnly? StartDate { get; init; }

    public DateOnly? EndDate { get; init; }

    public int DocTotal { get; init; }

    /// <summary>Chú giải (2000).</summary>
    public string? Description { get; init; }

    public string? InforSign { get; init; }

    public string? Keyword { get; init; }

    /// <summary>Số lượng tờ (paper sheets); not derivable from the electronic documents.</summary>
    public int SheetTotal { get; init; }

    public int PageTotal { get; init; }

    public string? Format { get; init; }

    /// <summary>Người lập hồ sơ (30), NĐ 30.</summary>
    public string? Creator { get; init; }

    public DossierStatus Status { get; init; } = DossierStatus.Open;

    /// <summary>
    /// The unit (phòng, ban) of the agency the dossier belongs to; null when it is the agency's as a whole. Not a TT 02 field.
    /// </summary>
    public string? Unit { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>Why the dossier was last reopened; kept after it is closed again.</summary>
    public string? ReopenReason { get; init; }

    public DateTimeOffset? TransferredAt { get; init; }

    /// <summary>When it was handed on to the historical archive, and in which transfer package.</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    public string? DeliveredIn { get; init; }

    /// <summary>Where a dossier received from another archive came from: the transfer package and its sender. Not a TT 02 field.</summary>
    public string? Provenance { get; init; }

    /// <summary>The latest appraisal of the dossier once its retention ran out (the council's decision, the head's approval).</summary>
    public Appraisal? Appraisal { get; init; }

    /// <summary>Holds that forbid destroying the dossier while they last.</summary>
    public ValueList<LegalHold> Holds { get; init; } = ValueList<LegalHold>.Empty;

    /// <summary>When it was destroyed and by which destruction record (biên bản hủy); its metadata stays as a tombstone.</summary>
    public DateTimeOffset? DestroyedAt { get; init; }

    public string? DestroyedIn { get; init; }

    /// <summary>The SHA-256 of the signed destruction record, kept in the blob store.</summary>
    public string? DestructionRecord { get; init; }

    /// <summary>The SHA-256 of every stored file of its documents that the destruction removed.</summary>
    public ValueList<string> RemovedContent { get; init; } = ValueList<string>.Empty;

    /// <summary>A new, open dossier whose FileCode is composed from organ, year and notation.</summary>
    public static Dossier Create(
        AgencyCode organ,
        int year,
        string fileNotation,
        string title,
        RetentionPeriod maintenance,
        AccessMode rights,
        LanguageCode? language = null,
        string? creator = null,
        string identifier = "")
    {
        var code = DossierCode.Compose(organ, year, fileNotation);
        return new Dossier
        {
            FileCode = code,
            Identifier = identifier,
            OrganId = code.Organ,
            FileCatalog = code.Year,
            FileNotation = code.FileNotation,
            Title = title,
            Maintenance = maintenance,
            Rights = rights,
            Language = language ?? LanguageCode.Vietnamese,
            Creator = creator,
        };
    }

    /// <summary>
    /// Closes the dossier and fixes its totals from its documents: DocTotal, PageTotal (sum of
    /// PageAmount) and StartDate/EndDate (earliest/latest IssuedDate; kept as they were when no
    /// document carries a date, e.g. a digitised paper dossier with dates entered by hand).
    /// </summary>
    public Dossier Close(IEnumerable<ArchivedDocument> documents, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (Status != DossierStatus.Open)
            throw Refuse(Status == DossierStatus.Closed
                ? $"Hồ sơ {FileCode} đã đóng."
                : $"Hồ sơ {FileCode} đã nộp lưu; không thể đóng lại.");

        var docs = documents.ToList();
        if (docs.FirstOrDefault(d => d.FileCode != FileCode) is { } stranger)
            throw Refuse($"Văn bản {stranger.DocCode} thuộc hồ sơ {stranger.FileCode}, không thuộc hồ sơ {FileCode}.");
        if (docs.GroupBy(d => d.Id).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw Refuse($"Văn bản {duplicate.Key} được đưa vào hồ sơ {FileCode} nhiều lần.");

        var dates = docs.Where(d => d.IssuedDate is not null).Select(d => d.IssuedDate!.Value).ToList();
        return this with
        {
            Status = DossierStatus.Closed,
            ClosedAt = now,
            DocTotal = docs.Count,
            PageTotal = docs.Sum(d => d.PageAmount ?? 0),
            StartDate = dates.Count > 0 ? dates.Min() : StartDate,
            EndDate = dates.Count > 0 ? dates.Max() : EndDate,
        };
    }

    /// <summary>Reopens a closed dossier; the reason is required and recorded.</summary>
    public Dossier Reopen(string reason)
    {
        if (Status != DossierStatus.Closed)
            throw Refuse(Status == DossierStatus.Open
                ? $"Hồ sơ {FileCode} đang mở; không cần mở lại."
                : $"Hồ sơ {FileCode} đã nộp lưu; không thể mở lại.");
        if (string.IsNullOrWhiteSpace(reason))
            throw Refuse($"Mở lại hồ sơ {FileCode}: phải ghi lý do mở lại.");

        return this with
        {
            Status = DossierStatus.Open,
            ClosedAt = null,
            ReopenReason = reason.Trim(),
        };
    }

    /// <summary>Records the transfer (nộp lưu); only a closed dossier can be transferred.</summary>
    public Dossier MarkTransferred(DateTimeOffset now)
    {
        if (Status != DossierStatus.Closed)
            throw Refuse(Status == DossierStatus.Open
                ? $"Hồ sơ {FileCode} đang mở; phải đóng hồ sơ trước khi nộp lưu."
                : $"Hồ sơ {FileCode} đã nộp lưu.");

        return this with { Status = DossierStatus.Transferred, TransferredAt = now };
    }

    /// <summary>Records that a complete transfer package carrying it was made for the historical archive.</summary>
    public Dossier MarkDelivered(string package, DateTimeOffset now) => Status is DossierStatus.Closed or DossierStatus.Transferred
        ? this with { Status = DossierStatus.Delivered, DeliveredAt = now, DeliveredIn = package }
        : throw Refuse(Status == DossierStatus.Open
            ? $"Hồ sơ {FileCode} đang mở; phải đóng hồ sơ trước khi nộp lưu."
            : $"Hồ sơ {FileCode} đã giao Lưu trữ lịch sử (gói {DeliveredIn}).");

    /// <summary>Records the council's decision on a dossier whose retention ran out; a longer or permanent retention with it.</summary>
    public Dossier Appraise(Appraisal appraisal, RetentionPeriod retention)
    {
        if (Status is not (DossierStatus.Closed or DossierStatus.Transferred))
            throw Refuse($"Hồ sơ {FileCode} {DossierStatusName.Of(Status)}; chỉ thẩm định hồ sơ đã đóng hoặc đã nộp lưu cơ quan.");
        if (Maintenance.IsPermanent)
            throw Refuse($"Hồ sơ {FileCode} bảo quản vĩnh viễn; không thuộc diện xác định giá trị để hủy.");
        return this with { Appraisal = appraisal, Maintenance = retention };
    }

    /// <summary>The head of the agency approves the destruction the council decided; refused while a hold lasts.</summary>
    public Dossier ApproveDestruction(string by, DateTimeOffset at)
    {
        if (Appraisal is not { Decision: AppraisalDecision.Destroy } appraisal)
            throw Refuse($"Hồ sơ {FileCode} chưa có quyết định hủy của Hội đồng xác định giá trị tài liệu.");
        if (Status == DossierStatus.Destroyed) throw Refuse($"Hồ sơ {FileCode} đã bị hủy.");
        EnsureNotHeld("duyệt hủy");
        return appraisal.Approved
            ? throw Refuse($"Hồ sơ {FileCode} đã được {appraisal.ApprovedBy} duyệt hủy.")
            : this with { Appraisal = appraisal with { ApprovedBy = by, ApprovedAt = at } };
    }

    public Dossier Hold(LegalHold hold) => Status == DossierStatus.Destroyed
        ? throw Refuse($"Hồ sơ {FileCode} đã bị hủy; không còn gì để giữ.")
        : this with { Holds = new([.. Holds, hold]) };

    public Dossier Release(string holdId) => Holds.Any(h => h.Id == holdId)
        ? this with { Holds = new(Holds.Where(h => h.Id != holdId)) }
        : throw Refuse($"Hồ sơ {FileCode} không có lệnh giữ mã {holdId}.");

    /// <summary>
    /// Destroys the dossier's content: approved by the head, no hold, retention over. The metadata stays, with the record's name.
    /// </summary>
    public Dossier Destroy(string record, string recordDigest, IReadOnlyList<string> removed, DateOnly today, DateTimeOffset at)
    {
        EnsureDestroyable(today);
        return this with
        {
            Status = DossierStatus.Destroyed, DestroyedAt = at, DestroyedIn = record, DestructionRecord = recordDigest,
            RemovedContent = new(removed),
        };
    }

    /// <summary>Throws, saying why, unless the dossier may be destroyed today.</summary>
    public void EnsureDestroyable(DateOnly today)
    {
        if (Status == DossierStatus.Destroyed) throw Refuse($"Hồ sơ {FileCode} đã bị hủy theo {DestroyedIn}.");
        if (Status is not (DossierStatus.Closed or DossierStatus.Transferred))
            throw Refuse($"Hồ sơ {FileCode} {DossierStatusName.Of(Status)}; không thể hủy.");
        if (Appraisal is not { Decision: AppraisalDecision.Destroy, Approved: true })
            throw Refuse($"Hồ sơ {FileCode} chưa được người đứng đầu cơ quan duyệt hủy theo đề nghị của Hội đồng.");
        EnsureNotHeld("hủy");
        if (RetentionEnds is { } ends && ends >= today)
            throw Refuse($"Hồ sơ {FileCode} còn thời hạn bảo quản đến hết ngày {ends:dd/MM/yyyy}; chưa được hủy.");
    }

    /// <summary>The last day of its retention (31/12 of the year its work ended plus the years); null when permanent.</summary>
    public DateOnly? RetentionEnds => Maintenance.Years is { } years ? new DateOnly(WorkEnded + years, 12, 31) : null;

    /// <summary>The year the work ended: the last document's date, else when the dossier was closed, else its year.</summary>
    public int WorkEnded => EndDate?.Year ?? ClosedAt?.Year ?? FileCatalog;

    private void EnsureNotHeld(string what)
    {
        if (Holds.Count > 0)
            throw Refuse($"Hồ sơ {FileCode} đang bị giữ ({string.Join("; ", Holds.Select(h => $"{h.Reason}, mã {h.Id}"))}); " +
                         $"không được {what} khi lệnh giữ còn hiệu lực.");
    }

    /// <summary>Throws unless documents may be filed in this dossier (it is open).</summary>
    public void EnsureAcceptsDocuments()
    {
        switch (Status)
        {
            case DossierStatus.Open:
                return;
            case DossierStatus.Closed:
                throw Refuse($"Hồ sơ {FileCode} đã đóng; mở lại hồ sơ (kèm lý do) trước khi thêm văn bản.");
            case DossierStatus.Destroyed:
                throw Refuse($"Hồ sơ {FileCode} đã bị hủy; không thể thêm văn bản.");
            default:
                throw Refuse($"Hồ sơ {FileCode} đã nộp lưu; không thể thêm văn bản.");
        }
    }

    private DossierLifecycleException Refuse(string message) => new(FileCode, Status, message);
}
