namespace Archive.Core.Catalog;

/// <summary>Phông lưu trữ — TT 02 §3 metadata. Lengths are checked by <see cref="CatalogValidator"/>.</summary>
public sealed record Fonds
{
    private readonly string _identifier = "";

    /// <summary>Mã cơ quan lưu trữ lịch sử (13).</summary>
    /// <remarks>Null (e.g. LiteDB's EmptyStringToNull on read) is kept as "", so the property is never null.</remarks>
    public string Identifier { get => _identifier; init => _identifier = value ?? ""; }

    /// <summary>Mã phông (13).</summary>
    public required AgencyCode OrganId { get; init; }

    /// <summary>Tên phông (200).</summary>
    public required string FondName { get; init; }

    public string? FondHistory { get; init; }

    /// <summary>Thời gian tài liệu (30), free text such as "1976–2019".</summary>
    public string? ArchivesTime { get; init; }

    public long? PaperTotal { get; init; }

    public long? PaperDigital { get; init; }

    public string? KeyGroups { get; init; }

    public string? OtherTypes { get; init; }

    public LanguageCode? Language { get; init; }

    public string? LookupTools { get; init; }

    public long? CopyNumber { get; init; }

    public string? Description { get; init; }
}
