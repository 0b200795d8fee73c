namespace Archive.Core.Transfers;

/// <summary>What is due for a dossier.</summary>
public enum DueKind
{
    /// <summary>Nộp lưu vào Lưu trữ cơ quan.</summary>
    AgencyArchive,
    /// <summary>Nộp lưu vào Lưu trữ lịch sử (permanent dossiers).</summary>
    HistoricalArchive,
    /// <summary>Hết thời hạn bảo quản: to be reviewed for destruction.</summary>
    RetentionEnds,
}
