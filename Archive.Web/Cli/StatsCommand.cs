using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Statistics;

namespace Archive.Web.Cli;

/// <summary>`archive stats [--from yyyy-MM-dd] [--to yyyy-MM-dd] [--agency CODE] [--xlsx OUT]`: the figures of Điều 17.</summary>
public static class StatsCommand
{
    public static Command Create(CommandRunner runner)
    {
        var from = new Option<string?>("--from") { Description = "Ngày đầu kỳ, yyyy-MM-dd (mặc định 01/01 năm nay)" };
        var to = new Option<string?>("--to") { Description = "Ngày cuối kỳ, yyyy-MM-dd (mặc định hôm nay)" };
        var agency = new Option<string?>("--agency") { Description = "Mã định danh cơ quan (cùng các cơ quan trực thuộc)" };
        var xlsx = new Option<FileInfo?>("--xlsx") { Description = "Xuất ra tệp XLSX mới" };
        var stats = new Command("stats", "Thống kê gửi, nhận, xử lý văn bản (Điều 17) theo cơ quan, đơn vị, loại văn bản, tháng")
        {
            from, to, agency, xlsx,
        };
        runner.Bind(stats, async (context, parse, cancellationToken) =>
        {
            var today = DateOnly.FromDateTime(context.Clock.GetLocalNow().DateTime);
            var query = StatisticsQuery.For(DateInput.Optional(parse.GetValue(from), "Ngày đầu kỳ"),
                DateInput.Optional(parse.GetValue(to), "Ngày cuối kỳ"), parse.GetValue(agency), today);
            var statistics = context.Get<ExchangeStatistics>();
            if (parse.GetValue(xlsx) is { } file)
            {
                var workbook = new MemoryStream();
                await statistics.WriteXlsxAsync(query, context.Actor, workbook, cancellationToken).ConfigureAwait(false);
                workbook.Position = 0;
                await OutputFile.WriteNewAsync(workbook, file.FullName, cancellationToken).ConfigureAwait(false);
                context.Output.Message($"Đã xuất thống kê ra {file.FullName}.");
                return ExitCodes.Ok;
            }
            context.Output.Item(statistics.Compute(query, context.Actor), Text);
            return ExitCodes.Ok;
        });
        return stats;
    }

    private static string Text(StatisticsReport report)
    {
        static string Figures(ExchangeFigures f) =>
            $"gửi {f.Sent}, nhận {f.Received} (tiếp nhận {f.Accepted}, trả lại {f.Returned}), " +
            $"xử lý đúng hạn {f.OnTime}, quá hạn {f.Overdue}";
        return string.Join('\n',
        [
            $"Thống kê từ {report.Query.From:dd/MM/yyyy} đến {report.Query.To:dd/MM/yyyy}: {Figures(report.Total)}",
            "Theo cơ quan (gồm các cơ quan trực thuộc):",
            .. report.Agencies.Select(a => $"  {new string(' ', 2 * a.Level)}{a.Name} ({a.Code}): {Figures(a.Total)}"),
            "Theo đơn vị:", .. report.Units.Select(g => $"  {g.Key}: {Figures(g.Figures)}"),
            "Theo loại văn bản:", .. report.Types.Select(g => $"  {g.Key}: {Figures(g.Figures)}"),
            "Theo tháng:", .. report.Months.Select(g => $"  {g.Key}: {Figures(g.Figures)}"),
        ]);
    }
}
