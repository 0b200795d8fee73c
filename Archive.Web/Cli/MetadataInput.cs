using System.CommandLine;
using Archive.Core.Catalog;

namespace Archive.Web.Cli;

/// <summary>
/// Metadata from `--metadata FILE.json` (TT 02 tag names as keys) and `--set Tag=Value` options;
/// options given on the command line win over the file.
/// </summary>
public static class MetadataInput
{
    public static readonly Option<FileInfo?> File = new("--metadata") { Description = "Tệp JSON siêu dữ liệu (khóa là tên trường TT 02)" };

    public static readonly Option<string[]> Set = new("--set")
    {
        Description = "Gán một trường: --set Title=\"Hồ sơ ...\" (lặp lại được)", AllowMultipleArgumentsPerToken = false,
    };

    public static Tt02Metadata Read(ParseResult parse, IReadOnlySet<string> allowedTags)
    {
        var metadata = Tt02Metadata.Empty;
        if (parse.GetValue(File) is { } file)
        {
            if (!file.Exists) throw new UserInputException($"Không tìm thấy tệp siêu dữ liệu '{file.FullName}'.");
            if (file.Length > 1 << 20) throw new UserInputException($"Tệp siêu dữ liệu '{file.Name}' lớn hơn 1 MB: không phải siêu dữ liệu.");
            metadata = Tt02Metadata.FromJson(System.IO.File.ReadAllText(file.FullName), allowedTags, file.Name);
        }
        foreach (var assignment in parse.GetValue(Set) ?? [])
        {
            var equals = assignment.IndexOf('=');
            if (equals <= 0) throw new UserInputException($"'--set {assignment}' phải có dạng Tên=Giá trị.");
            var tag = assignment[..equals].Trim();
            if (!allowedTags.Contains(tag))
                throw new UserInputException($"Trường '{tag}' không thuộc TT 02 cho loại này. Các trường hợp lệ: {string.Join(", ", allowedTags.Order(StringComparer.Ordinal))}.");
            metadata = metadata.With(tag, assignment[(equals + 1)..]);
        }
        return metadata;
    }
}
