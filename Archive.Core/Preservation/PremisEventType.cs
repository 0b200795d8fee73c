namespace Archive.Core.Preservation;

/// <summary>Event types of the PREMIS controlled vocabulary (id.loc.gov/vocabulary/preservation/eventType) we record.</summary>
public static class PremisEventType
{
    public const string FixityCheck = "fixity check";
    public const string Replication = "replication";
    public const string Recovery = "recovery";
    public const string Ingestion = "ingestion";
    public const string FormatIdentification = "format identification";
    public const string Validation = "validation";
    public const string Migration = "migration";
    /// <summary>Content destroyed after appraisal and approval; the metadata stays.</summary>
    public const string Deletion = "deletion";
    /// <summary>The SHA-256 of a received original, computed while it was stored (PREMIS eventType "mes").</summary>
    public const string MessageDigestCalculation = "message digest calculation";

    public const string Success = "success";
    public const string Failure = "failure";

    /// <summary>What the records officer reads for an event type; the PREMIS term itself when we have no name for it.</summary>
    public static string VietnameseName(string type) => type switch
    {
        Ingestion => "Tiếp nhận",
        FormatIdentification => "Nhận dạng định dạng",
        Validation => "Kiểm tra",
        MessageDigestCalculation => "Tính mã băm",
        Migration => "Chuyển đổi định dạng để bảo quản",
        FixityCheck => "Kiểm tra tính toàn vẹn",
        Replication => "Sao lưu",
        Recovery => "Khôi phục",
        Deletion => "Hủy tài liệu",
        _ => type,
    };

    public static string VietnameseOutcome(string outcome) => outcome switch
    {
        Success => "đạt",
        Failure => "không đạt",
        _ => outcome,
    };
}
