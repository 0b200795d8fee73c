namespace Archive.Core.Processing;

/// <summary>The steps a processing (or an outgoing document's) history records, with what a person reads for each.</summary>
public static class TaskEntryKind
{
    public const string Present = "trinh";
    public const string Assign = "giao";
    public const string Reassign = "chuyen";
    public const string Progress = "tien-do";
    public const string Complete = "hoan-thanh";
    public const string Draft = "du-thao";
    public const string Submit = "trinh-ky";
    public const string Comment = "y-kien";
    public const string Return = "tra-lai";
    public const string Sign = "ky";
    public const string Number = "cap-so";
    public const string Issue = "phat-hanh";
    public const string Delivery = "trang-thai";
    public const string Recall = "thu-hoi";

    public static string Name(string kind) => kind switch
    {
        Present => "Trình",
        Assign => "Giao xử lý",
        Reassign => "Giao lại",
        Progress => "Báo cáo tiến độ",
        Complete => "Hoàn thành",
        Draft => "Dự thảo",
        Submit => "Trình ký",
        Comment => "Ý kiến",
        Return => "Trả lại dự thảo",
        Sign => "Ký số cá nhân",
        Number => "Cấp số, ký số cơ quan",
        Issue => "Phát hành",
        Delivery => "Nơi nhận báo trạng thái",
        Recall => "Thu hồi",
        _ => kind,
    };
}
