using System.CommandLine;
using Archive.Core.Audit;

namespace Archive.Web.Cli;

/// <summary>`archive audit verify|list`.</summary>
public static class AuditCommands
{
    public static Command Create(CommandRunner runner)
    {
        var verify = new Command("verify", "Tính lại chuỗi băm của nhật ký kiểm tra và chỉ ra mục đầu tiên bị sửa");
        runner.Bind(verify, (context, _) =>
        {
            var result = context.AuditLog.Verify(context.Actor, new Progress(context.Output.Progress()));
            context.Output.Item(result, r => r.IsIntact
                ? $"Nhật ký kiểm tra nguyên vẹn: {r.EntriesChecked} mục, chuỗi băm khớp."
                : $"Nhật ký kiểm tra BỊ THAY ĐỔI: mục số {r.FirstBroken} — {Vietnamese(r.Break)}. Đã kiểm tra {r.EntriesChecked} mục trước đó.");
            return result.IsIntact ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });

        var from = new Option<long>("--from") { Description = "Từ mục số", DefaultValueFactory = _ => 1 };
        var limit = new Option<int>("--limit") { Description = "Số mục tối đa", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "Liệt kê các mục của nhật ký kiểm tra") { from, limit };
        runner.Bind(list, (context, parse) =>
        {
            var entries = context.AuditLog.Entries(context.Actor, parse.GetValue(from), parse.GetValue(limit));
            context.Output.List(entries, Describe, "Nhật ký kiểm tra chưa có mục nào.");
            return ExitCodes.Ok;
        });

        return new Command("audit", "Nhật ký kiểm tra (ai, làm gì, khi nào)") { verify, list };
    }

    private static string Describe(AuditEntry e) =>
        $"{e.Sequence,6}  {e.At}  {e.Actor}@{e.Origin}  {e.Action}  {e.ObjectType} {e.ObjectId}";

    private static string Vietnamese(AuditBreak? problem) => problem switch
    {
        AuditBreak.Edited => "nội dung không khớp với mã băm (đã bị sửa)",
        AuditBreak.Rehashed => "mục này đã bị sửa và băm lại (mục sau không còn liên kết tới nó)",
        AuditBreak.Missing => "thiếu mục này (đã bị xoá)",
        AuditBreak.Truncated => "nhật ký bị cắt bớt ở cuối",
        _ => "",
    };

    private sealed class Progress(IProgress<string> lines) : IProgress<long>
    {
        public void Report(long value) => lines.Report($"Đã kiểm tra {value} mục…");
    }
}
