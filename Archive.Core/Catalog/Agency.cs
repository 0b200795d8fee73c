namespace Archive.Core.Catalog;

/// <summary>An agency (cơ quan, tổ chức) known to the archive, keyed by its mã định danh.</summary>
public sealed record Agency
{
    public required AgencyCode Code { get; init; }

    /// <summary>Tên cơ quan (max 200).</summary>
    public required string Name { get; init; }

    /// <summary>Mã định danh of the parent agency, when registered.</summary>
    public string? ParentCode { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}
