namespace Archive.Core.Storage;

/// <summary>Another process has the data folder open; LiteDB's file is not safe for two writers at once.</summary>
public sealed class DataFolderInUseException(string root, Exception inner)
    : IOException($"Thư mục dữ liệu '{root}' đang được một tiến trình archive khác sử dụng (ví dụ máy chủ lưu trữ đang chạy). " +
                  "Dừng tiến trình đó rồi chạy lại lệnh.", inner);
