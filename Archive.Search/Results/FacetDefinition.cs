using Archive.Search.Schema;

namespace Archive.Search.Results;

/// <summary>A facet: the doc-values field it counts and its Vietnamese label. The one table: edit here.</summary>
internal sealed record FacetDefinition(string Name, string Field, string Label)
{
    public static readonly IReadOnlyList<FacetDefinition> All =
    [
        new("loai", IndexFields.TypeName, "Tên loại"),
        new("nam", IndexFields.Year, "Năm"),
        new("coquan", IndexFields.OrganName, "Cơ quan ban hành"),
        new("thoihan", IndexFields.Retention, "Thời hạn bảo quản"),
        new("chedo", IndexFields.Mode, "Chế độ sử dụng"),
    ];
}
