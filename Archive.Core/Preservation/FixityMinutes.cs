using System.Globalization;
using System.Text;
using Archive.Core.Storage;

namespace Archive.Core.Preservation;

/// <summary>
/// The check minutes (biên bản kiểm tra) of TT 02 Điều 10: what was checked, with what, and every
/// faulty file with its medium and path. Written as a text file under &lt;data&gt;/reports.
/// </summary>
public static class FixityMinutes
{
    /// <summary>How every minutes file is named: the start of the check it records, to the millisecond.</summary>
    public const string FilePattern = "bien-ban-kiem-tra-*.txt";

    public static string Write(DataFolder folder, DateTimeOffset started, long objects, long bytes, IReadOnlyList<FixityFinding> findings,
        IReadOnlyList<string> unavailableMedia)
    {
        var reports = folder.Reports;
        Directory.CreateDirectory(reports);
        var path = Path.Combine(reports, $"bien-ban-kiem-tra-{started.ToString("yyyyMMdd-HHmmss-fff", CultureInfo.InvariantCulture)}.txt");
        var text = new StringBuilder()
            .AppendLine("BIÊN BẢN KIỂM TRA TÀI LIỆU LƯU TRỮ ĐIỆN TỬ")
            .AppendLine(CultureInfo.InvariantCulture, $"Thời gian kiểm tra: {started:dd/MM/yyyy HH:mm:ss zzz}")
            .AppendLine(CultureInfo.InvariantCulture, $"Nguồn được kiểm tra: {folder.Root}")
            .AppendLine(CultureInfo.InvariantCulture, $"Phương tiện lưu trữ: {FixityCheck.MediumOf(folder.Root)}")
            .AppendLine("Phần mềm kiểm tra: Archive — kiểm tra mã băm SHA-256 của từng tệp so với danh mục")
            .AppendLine(CultureInfo.InvariantCulture, $"Số tệp đã kiểm tra: {objects}; dung lượng: {bytes} byte")
            .AppendLine(CultureInfo.InvariantCulture, $"Số tệp lỗi: {findings.Count(f => f.Fault != FixityFault.Unreferenced)}; " +
                                                      $"số tệp không thuộc danh mục: {findings.Count(f => f.Fault == FixityFault.Unreferenced)}")
            .AppendLine();
        foreach (var medium in unavailableMedia)
            text.Append("Phương tiện sao lưu không dùng được: ").Append(medium)
                .AppendLine(" (không truy cập được hoặc không có bộ sao lưu hoàn tất).");
        if (findings.Count == 0)
            text.AppendLine("Kết luận: tất cả các tệp nguyên vẹn.");
        else
        {
            text.AppendLine("Danh sách tệp có vấn đề:");
            var n = 0;
            foreach (var f in findings)
            {
                var action = f.RepairedFrom is { } from ? $"đã khôi phục từ {from}"
                    : f.Fault == FixityFault.Unreferenced ? "giữ nguyên, chờ dọn" : "CHƯA khôi phục được — cần xử lý";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"{++n}. {Describe(f.Fault)} | phương tiện: {f.Medium} | đường dẫn: {f.Path} | SHA-256: {f.Digest} | xử lý: {action}");
            }
        }
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Describe(FixityFault fault) => fault switch
    {
        FixityFault.Changed => "bị thay đổi",
        FixityFault.Missing => "bị mất",
        _ => "không thuộc danh mục",
    };
}
