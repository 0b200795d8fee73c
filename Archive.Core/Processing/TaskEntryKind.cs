namespace Archive.Core.Processing;

/// <summary>The steps a processing history records, with what a person reads for each.</summary>
public static class TaskEntryKind
{
    public const string Present = "trinh";
    public const string Assign = "giao";
    public const string Reassign = "chuyen";
    public const string Progress = "tien-do";
    public const string Complete = "hoan-thanh";

    public static string Name(string kind) => kind switch
    {
        Present => "Trình",
        Assign => "Giao xử lý",
        Reassign => "Giao lại",
        Progress => "Báo cáo tiến độ",
        Complete => "Hoàn thành",
        _ => kind,
    };
}
