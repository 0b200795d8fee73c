namespace Archive.Core.Issuing;

/// <summary>What a person reads for a recipient's delivery status.</summary>
public static class DeliveryStatusName
{
    public static string Of(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => "đã gửi",
        DeliveryStatus.Received => "đã đến",
        DeliveryStatus.Returned => "bị trả lại",
        DeliveryStatus.Accepted => "đã tiếp nhận",
        DeliveryStatus.Assigned => "đã phân công",
        DeliveryStatus.InProgress => "đang xử lý",
        DeliveryStatus.Done => "đã xử lý xong",
        _ => status.ToString(),
    };
}
