using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Processing;

namespace Archive.Web.Cli;

/// <summary>
/// `archive task list|unpresented|show|present|assign|progress|complete`: processing of incoming documents (Điều 10.3, 11), thin
/// shells over <see cref="ProcessingService"/>.
/// </summary>
public static class TaskCommands
{
    public static Command Create(CommandRunner runner) => new("task", "Xử lý văn bản đến: trình, giao xử lý, báo cáo tiến độ, hoàn thành")
    {
        List(runner), Unpresented(runner), Show(runner), Present(runner), Assign(runner), Progress(runner), Complete(runner),
    };

    private static Argument<string> TaskId() => new("task") { Description = "Mã văn bản đến trong sổ đến (yyyy-nnnnnn)" };

    private static string Line(ProcessingTask t) =>
        $"{t.Id}  {ProcessingStatusName.Of(t.Status)}  {(t.Deadline is { } d ? $"hạn {d:dd/MM/yyyy}" : "chưa giao")}  {t.Summary}" +
        (t.Lead is { } lead ? $"  (chủ trì {Archive.Core.Access.Grantee.Parse(lead).Display})" : $"  (trình {t.PresentedTo})");

    private static Command List(CommandRunner runner)
    {
        var mine = new Option<bool>("--mine") { Description = "Chỉ việc được trình, giao cho tôi (hoặc đơn vị của tôi)" };
        var overdue = new Option<bool>("--overdue") { Description = "Chỉ việc quá hạn" };
        var dueSoon = new Option<bool>("--due-soon") { Description = "Chỉ việc đến hạn trong 3 ngày" };
        var all = new Option<bool>("--all") { Description = "Cả việc đã xong" };
        var list = new Command("list", "Danh sách việc xử lý văn bản đến (chưa xong), hạn gần trước") { mine, overdue, dueSoon, all };
        runner.Bind(list, (context, parse) =>
        {
            var filter = parse.GetValue(overdue) ? TaskFilter.Overdue : parse.GetValue(dueSoon) ? TaskFilter.DueSoon
                : parse.GetValue(mine) ? TaskFilter.Mine : parse.GetValue(all) ? TaskFilter.All : TaskFilter.Open;
            context.Output.List(context.Get<ProcessingService>().Tasks(context.Actor, filter), Line, "Không có việc nào.");
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Unpresented(CommandRunner runner)
    {
        var unpresented = new Command("unpresented", "Văn bản đến đã vào sổ mà chưa trình lãnh đạo; quá hạn trình được đánh dấu");
        runner.Bind(unpresented, (context, _) =>
        {
            context.Output.List(context.Get<ProcessingService>().Unpresented(context.Actor),
                u => $"{u.Arrival.Id}  số đến {u.Arrival.Number}  {u.Arrival.ArrivalDate:dd/MM/yyyy HH:mm}  " +
                     $"{u.Arrival.Priority ?? "Thường"}{(u.Late ? "  (QUÁ HẠN TRÌNH)" : "")}  {u.Document?.Subject}",
                "Không có văn bản đến nào chờ trình.");
            return ExitCodes.Ok;
        });
        return unpresented;
    }

    private static Command Show(CommandRunner runner)
    {
        var task = TaskId();
        var show = new Command("show", "Một việc xử lý văn bản đến và toàn bộ lịch sử") { task };
        runner.Bind(show, (context, parse) =>
        {
            context.Output.Item(context.Get<ProcessingService>().Task(parse.GetValue(task)!, context.Actor), t =>
                string.Join('\n', [Line(t), .. t.History.Select(e =>
                    $"  {e.At:dd/MM/yyyy HH:mm}  {e.By}  {TaskEntryKind.Name(e.Kind)}: {e.Note}" +
                    (e.ResultDocumentId is { } doc ? $" (kết quả: văn bản {doc})" : ""))]));
            return ExitCodes.Ok;
        });
        return show;
    }

    private static Command Present(CommandRunner runner)
    {
        var task = TaskId();
        var to = new Option<string>("--to") { Description = "Tên đăng nhập của lãnh đạo được trình", Required = true };
        var present = new Command("present", "Trình văn bản đến đã vào sổ cho lãnh đạo") { task, to };
        runner.Bind(present, (context, parse) =>
        {
            var presented = context.Get<ProcessingService>().Present(parse.GetValue(task)!, parse.GetValue(to)!, context.Actor);
            context.Output.Item(presented, t => $"Đã trình văn bản đến số {t.ArrivalNumber} cho {t.PresentedTo}.");
            return ExitCodes.Ok;
        });
        return present;
    }

    private static Command Assign(CommandRunner runner)
    {
        var task = TaskId();
        var lead = new Option<string?>("--lead") { Description = "Người chủ trì (tên đăng nhập)" };
        var leadUnit = new Option<string?>("--lead-unit") { Description = "Đơn vị chủ trì" };
        var cooperate = new Option<string[]>("--cooperate") { Description = "Người phối hợp (lặp lại được)" };
        var cooperateUnit = new Option<string[]>("--cooperate-unit") { Description = "Đơn vị phối hợp (lặp lại được)" };
        var deadline = new Option<string>("--deadline") { Description = "Hạn giải quyết, yyyy-MM-dd", Required = true };
        var instructions = new Option<string?>("--instructions") { Description = "Ý kiến chỉ đạo" };
        var reason = new Option<string?>("--reason") { Description = "Lý do giao lại (khi việc đã được giao)" };
        var assign = new Command("assign", "Lãnh đạo giao xử lý (hoặc giao lại): chủ trì, phối hợp, hạn giải quyết, ý kiến chỉ đạo")
        {
            task, lead, leadUnit, cooperate, cooperateUnit, deadline, instructions, reason,
        };
        runner.Bind(assign, (context, parse) =>
        {
            var date = DateInput.Required(parse.GetValue(deadline), "Hạn giải quyết");
            var assigned = context.Get<ProcessingService>().Assign(parse.GetValue(task)!, new Assignment(parse.GetValue(lead),
                parse.GetValue(leadUnit), parse.GetValue(cooperate) ?? [], parse.GetValue(cooperateUnit) ?? [], date,
                parse.GetValue(instructions), parse.GetValue(reason)), context.Actor);
            context.Output.Item(assigned, t => $"Đã giao xử lý văn bản đến số {t.ArrivalNumber}: {t.History[^1].Note}.");
            return ExitCodes.Ok;
        });
        return assign;
    }

    private static Command Progress(CommandRunner runner) => Work(runner, "progress", "Báo cáo tiến độ xử lý, đính kèm văn bản kết quả",
        (service, task, note, result, actor) => service.Progress(task, note, result, actor), "Đã ghi tiến độ");

    private static Command Complete(CommandRunner runner) => Work(runner, "complete", "Người chủ trì hoàn thành việc xử lý",
        (service, task, note, result, actor) => service.Complete(task, note, result, actor), "Đã hoàn thành");

    private static Command Work(CommandRunner runner, string name, string description,
        Func<ProcessingService, string, string, string?, Archive.Core.Audit.Actor, ProcessingTask> work, string done)
    {
        var task = TaskId();
        var note = new Option<string?>("--note") { Description = "Nội dung" };
        var result = new Option<string?>("--result") { Description = "Mã văn bản kết quả trong kho" };
        var command = new Command(name, description) { task, note, result };
        runner.Bind(command, (context, parse) =>
        {
            var after = work(context.Get<ProcessingService>(), parse.GetValue(task)!, parse.GetValue(note) ?? "", parse.GetValue(result),
                context.Actor);
            context.Output.Item(after, t => $"{done} việc xử lý văn bản đến số {t.ArrivalNumber}.");
            return ExitCodes.Ok;
        });
        return command;
    }
}
