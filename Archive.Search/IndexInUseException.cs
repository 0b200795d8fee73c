namespace Archive.Search;

/// <summary>
/// The index is open for writing in another process (e.g. <c>archive serve</c>): this one may
/// search it but not change it.
/// </summary>
public sealed class IndexInUseException(string path)
    : Exception($"The search index at {path} is open for writing by another process.")
{
    public string Path { get; } = path;
}
