using Archive.Core.Catalog;

namespace Archive.Core.Transfers;

/// <summary>A dossier due for something by a date; overdue when the date has passed.</summary>
public sealed record TransferDue(Dossier Dossier, DueKind Kind, DateOnly DueDate, bool Overdue)
{
    public string KindName => Kind switch
    {
        DueKind.AgencyArchive => "nộp lưu vào Lưu trữ cơ quan",
        DueKind.HistoricalArchive => "nộp lưu vào Lưu trữ lịch sử",
        _ => "hết thời hạn bảo quản, cần xét hủy",
    };
}
