namespace Archive.Search;

/// <summary>One document found, with what a result list shows of it.</summary>
public sealed record SearchHit
{
    public required string Id { get; init; }
    public required float Score { get; init; }
    /// <summary>Số và ký hiệu, as written.</summary>
    public string? SoKyHieu { get; init; }
    public string? TrichYeu { get; init; }
    public DateOnly? Ngay { get; init; }
    public required string TenLoai { get; init; }
    public required string CoQuan { get; init; }
    public required string MaHoSo { get; init; }
    /// <summary>A passage of the text (or the trích yếu) around the matched words, which are marked.</summary>
    public required Snippet Snippet { get; init; }
}
