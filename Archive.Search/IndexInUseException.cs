namespace Archive.Search;

/// <summary>
/// The index is open for writing in another process (e.g. <c>archive serve</c>): this one may
/// search it but not change it.
/// </summary>
public sealed class IndexInUseException(string path)
    : Archive.Core.Indexing.IndexUnavailableException($"chỉ mục tìm kiếm {path} đang được một tiến trình khác ghi")
{
    public string Path { get; } = path;
}
