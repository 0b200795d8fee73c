namespace Archive.Core.Issuing;

/// <summary>What a person reads for an outgoing document's status, the same in the command line and the web.</summary>
public static class OutgoingStatusName
{
    public static string Of(OutgoingStatus status) => status switch
    {
        OutgoingStatus.Draft => "dự thảo",
        OutgoingStatus.Submitted => "đã trình ký",
        OutgoingStatus.Signed => "đã ký, chờ cấp số",
        OutgoingStatus.Numbered => "đã cấp số và ký số cơ quan, chờ phát hành",
        OutgoingStatus.Issued => "đã phát hành",
        OutgoingStatus.Recalled => "đã thu hồi",
        _ => status.ToString(),
    };
}
