using System.Runtime.InteropServices;

namespace Archive.Core.Storage;

/// <summary>
/// The last step of a durable write: after a rename, the directory entry itself must reach the disk,
/// which .NET offers no API for; on Linux this is fsync on the directory.
/// </summary>
public static partial class DurableFile
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    public static void FlushDirectory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        var fd = Open(path, ReadOnly | (OperatingSystem.IsLinux() ? Directory : 0));
        if (fd < 0) throw new IOException($"Cannot open directory '{path}' to flush it (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (Fsync(fd) != 0)
                throw new IOException($"fsync of directory '{path}' failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Flushes a whole file system (syncfs): after copying many files, one call instead of one per folder.</summary>
    public static void FlushFileSystemOf(string path)
    {
        if (!OperatingSystem.IsLinux()) return;
        var fd = Open(path, ReadOnly | Directory);
        if (fd < 0) throw new IOException($"Cannot open '{path}' to flush its file system (errno {Marshal.GetLastPInvokeError()}).");
        try
        {
            if (SyncFs(fd) != 0)
                throw new IOException($"syncfs of '{path}' failed (errno {Marshal.GetLastPInvokeError()}).");
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>
    /// Asks the kernel to start writing a file's data to disk now, without waiting (sync_file_range): after copying many files,
    /// the closing <see cref="FlushFileSystemOf"/> then waits for the last of them only. A hint; durability still comes from that flush.
    /// </summary>
    public static void StartWriteback(Microsoft.Win32.SafeHandles.SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux()) return;
        _ = SyncFileRange(file, 0, 0, SyncFileRangeWrite);
    }

    private const uint SyncFileRangeWrite = 2;

    [LibraryImport("libc", EntryPoint = "sync_file_range", SetLastError = true)]
    private static partial int SyncFileRange(Microsoft.Win32.SafeHandles.SafeFileHandle fd, long offset, long count, uint flags);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
