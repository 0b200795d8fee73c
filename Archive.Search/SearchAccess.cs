namespace Archive.Search;

/// <summary>
/// What a user may see. It becomes part of the query itself, so a document outside it is never
/// a hit, never counted in a total and never in a facet.
/// </summary>
public sealed record SearchAccess
{
    /// <summary>Open records only (chế độ sử dụng "Không hạn chế"), from every agency.</summary>
    public static readonly SearchAccess OpenRecords = new();

    /// <summary>Whether documents whose chế độ sử dụng is "Hạn chế" may be shown.</summary>
    public bool IncludeRestricted { get; init; }

    /// <summary>The agency codes (mã định danh) whose documents may be shown; null for every agency.</summary>
    public IReadOnlySet<string>? Organs { get; init; }

    /// <summary>With <see cref="Organs"/> set: dossiers (mã hồ sơ) whose documents may be shown besides those agencies'.</summary>
    public IReadOnlySet<string> FileCodes { get; init; } = new HashSet<string>();
}
