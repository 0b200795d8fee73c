using System.CommandLine;
using Archive.Core.Access;

namespace Archive.Web.Cli;

/// <summary>`archive airgap check`: may this machine hold the restricted collection (Điều 16.6)?</summary>
public static class AirGapCommands
{
    public static Command Create(CommandRunner runner)
    {
        var check = new Command("check", "Kiểm tra cách ly mạng: không có địa chỉ ngoài mạng cách ly, không có tuyến mặc định");
        runner.Bind(check, (context, _) =>
        {
            var verdict = context.Jobs.CheckAirGap(context.Restricted, context.Actor);
            context.Output.Item(verdict, Describe);
            return verdict.Passed ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return new Command("airgap", "Cách ly mạng cho kho tài liệu hạn chế sử dụng") { check };
    }

    private static string Describe(AirGapVerdict v) =>
        (v.Passed
            ? "ĐẠT: máy không kết nối mạng diện rộng/Internet; kho hạn chế sử dụng được phép mở."
            : "KHÔNG ĐẠT: kho hạn chế sử dụng bị đóng." + string.Concat(v.Violations.Select(x => Environment.NewLine + "  " + x)))
        + Environment.NewLine + "Đã thấy: " + string.Join("; ", v.Seen);
}
