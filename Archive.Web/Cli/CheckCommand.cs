using System.CommandLine;
using Archive.Core.Storage;

namespace Archive.Web.Cli;

/// <summary>`archive check`: does every catalog reference have its blob, and every blob a reference.</summary>
public static class CheckCommand
{
    public static Command Create(CommandRunner runner)
    {
        var collect = new Option<bool>("--collect")
        {
            Description = "Xóa các tệp mồ côi không ai ghi lại trong Archive:Storage:OrphanGraceHours giờ (mặc định 24)",
        };
        var check = new Command("check", "Đối chiếu kho tệp với danh mục: tệp thiếu, tệp mồ côi, lần ghi dở dang") { collect };
        runner.Bind(check, (context, parse) =>
        {
            if (parse.GetValue(collect))
            {
                var removed = context.Jobs.CollectOrphans(context.Settings.OrphanGrace, context.Actor);
                context.Output.Item(new { orphansRemoved = removed.Count }, r => $"Đã xóa {r.orphansRemoved} tệp mồ côi.");
            }
            var report = context.Jobs.CheckConsistency(context.Actor);
            context.Output.Item(report, Describe);
            return report.HasLosses ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return check;
    }

    private static string Describe(ConsistencyReport r)
    {
        var lines = new List<string>
        {
            r.HasLosses
                ? $"THIẾU {r.MissingBlobs.Count} tệp mà danh mục tham chiếu — cần khôi phục từ bản sao lưu:"
                : $"Danh mục nhất quán: {r.BlobsReferenced} tệp được tham chiếu, không thiếu tệp nào.",
        };
        lines.AddRange(r.MissingBlobs.Select(h => $"  thiếu: {h}"));
        if (r.OrphanBlobs.Count > 0)
        {
            lines.Add($"{r.OrphanBlobs.Count} tệp mồ côi (ghi xong nhưng chưa được ghi nhận vào danh mục, ví dụ do mất điện):");
            lines.AddRange(r.OrphanBlobs.Select(h => $"  mồ côi: {h}"));
        }
        if (r.AbandonedWrites.Count > 0)
            lines.Add($"{r.AbandonedWrites.Count} lần ghi dở dang sẽ được dọn ở lần khởi động tới.");
        return string.Join(Environment.NewLine, lines);
    }
}
