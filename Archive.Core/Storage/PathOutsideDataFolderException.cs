namespace Archive.Core.Storage;

/// <summary>A path that would lead out of the data folder (for example through "..").</summary>
public sealed class PathOutsideDataFolderException(string path, string root)
    : IOException($"Đường dẫn '{path}' nằm ngoài thư mục dữ liệu '{root}'.")
{
    public string RequestedPath { get; } = path;
}
