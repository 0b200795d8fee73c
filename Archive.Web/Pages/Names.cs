using System.Globalization;
using Archive.Core.Catalog;

namespace Archive.Web.Pages;

/// <summary>Vietnamese names and Vietnam-time dates (dd/MM/yyyy HH:mm) the pages show for the catalog's states and times.</summary>
public static class Names
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static string Of(DateTimeOffset at, string format = "dd/MM/yyyy HH:mm") =>
        at.ToOffset(Vietnam).ToString(format, CultureInfo.InvariantCulture);

    /// <summary>An audit entry's time, kept as ISO 8601 text.</summary>
    public static string OfIso(string at) =>
        DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? Of(parsed) : at;

    public static string JobName(string job) => job switch
    {
        "fixity" => "Kiểm tra toàn vẹn",
        "backup" => "Sao lưu",
        _ => job,
    };

    public static string Outcome(string outcome) => outcome switch
    {
        "succeeded" => "thành công",
        "failed" => "có lỗi",
        "running" => "đang chạy",
        "interrupted" => "bị ngắt",
        _ => outcome,
    };

    public static string Of(DossierStatus status) => status switch
    {
        DossierStatus.Open => "đang mở",
        DossierStatus.Closed => "đã đóng",
        DossierStatus.Transferred => "đã nộp lưu",
        _ => status.ToString(),
    };
}
