namespace Archive.Web.Cli;

/// <summary>Files the command line reads from or writes a result to: never over an existing file, and complete or absent.</summary>
public static class OutputFile
{
    /// <summary>A file given on the command line, opened for reading; a missing one is named.</summary>
    public static FileStream OpenInput(FileInfo file) =>
        file.Exists ? file.OpenRead() : throw new UserInputException($"Không tìm thấy tệp '{file.FullName}'.");

    public static void EnsureAbsent(string path)
    {
        if (File.Exists(path)) throw new UserInputException($"Tệp '{path}' đã tồn tại; chọn tên khác (không ghi đè).");
    }

    public static async Task WriteNewAsync(Stream content, string path, CancellationToken cancellationToken)
    {
        EnsureAbsent(path);
        var temp = path + ".part";
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            File.Move(temp, path);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
