namespace Archive.Core.Catalog;

/// <summary>What a records officer reads for a dossier's status, the same in the command line and the web.</summary>
public static class DossierStatusName
{
    public static string Of(DossierStatus status) => status switch
    {
        DossierStatus.Open => "đang mở",
        DossierStatus.Closed => "đã đóng",
        DossierStatus.Transferred => "đã nộp lưu cơ quan",
        DossierStatus.Delivered => "đã giao Lưu trữ lịch sử",
        DossierStatus.Destroyed => "đã hủy",
        _ => status.ToString(),
    };
}
