using Archive.Core.Catalog;

namespace Archive.Web.Pages;

/// <summary>Vietnamese names the pages show for the catalog's states.</summary>
public static class Names
{
    public static string Of(DossierStatus status) => status switch
    {
        DossierStatus.Open => "đang mở",
        DossierStatus.Closed => "đã đóng",
        DossierStatus.Transferred => "đã nộp lưu",
        _ => status.ToString(),
    };
}
