namespace Archive.Core.Processing;

/// <summary>What a person reads for a processing status, the same in the command line and the web.</summary>
public static class ProcessingStatusName
{
    public static string Of(ProcessingStatus status) => status switch
    {
        ProcessingStatus.Presented => "đã trình, chờ giao",
        ProcessingStatus.Assigned => "đang xử lý",
        ProcessingStatus.Done => "đã xong",
        _ => status.ToString(),
    };
}
