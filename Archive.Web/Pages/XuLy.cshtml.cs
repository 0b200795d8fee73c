using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Processing;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// Xử lý văn bản đến: what waits to be presented (records officers), the tasks one sees with the next step for whoever may take
/// it (assign for leaders, progress and completion for assignees). The services decide who may do what.
/// </summary>
public sealed class XuLyModel(ProcessingService processing, WorkplaceHome home, HttpActor actors, TimeProvider clock) : FormPage
{
    public TaskFilter Filter { get; private set; } = TaskFilter.Open;

    public IReadOnlyList<ProcessingTask> Tasks { get; private set; } = [];

    public IReadOnlyList<UnpresentedArrival> Unpresented { get; private set; } = [];

    public IReadOnlyList<Colleague> Colleagues { get; private set; } = [];

    public IReadOnlySet<Operation> Allowed { get; private set; } = new HashSet<Operation>();

    /// <summary>The grantee values the signed-in user counts as: itself and its unit.</summary>
    public IReadOnlyList<string> Me { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public void OnGet(TaskFilter? loc)
    {
        Filter = loc ?? TaskFilter.Open;
        Load();
    }

    public IActionResult OnPostPresent(string arrival, string leader) => Attempt(() =>
        Reloaded(processing.Present(arrival, leader, actors.Of(HttpContext)),
            t => $"Đã trình văn bản đến số {t.ArrivalNumber} cho {t.PresentedTo}."), Load);

    public IActionResult OnPostAssign(string task, string? lead, string? leadUnit, string? cooperating, DateOnly deadline,
        string? instructions, string? reason) => Attempt(() =>
        Reloaded(processing.Assign(task, new Assignment(lead, leadUnit, Split(cooperating), [], deadline, instructions, reason),
            actors.Of(HttpContext)), t => $"Đã giao xử lý văn bản đến số {t.ArrivalNumber}: {t.History[^1].Note}."), Load);

    public IActionResult OnPostProgress(string task, string? note, string? result) => Attempt(() =>
        Reloaded(processing.Progress(task, note ?? "", Blank(result), actors.Of(HttpContext)),
            t => $"Đã ghi tiến độ xử lý văn bản đến số {t.ArrivalNumber}."), Load);

    public IActionResult OnPostComplete(string task, string? note, string? result) => Attempt(() =>
        Reloaded(processing.Complete(task, note ?? "", Blank(result), actors.Of(HttpContext)),
            t => $"Đã hoàn thành việc xử lý văn bản đến số {t.ArrivalNumber}."), Load);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IReadOnlyList<string> Split(string? logins) =>
        (logins ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private PageResult Reloaded(ProcessingTask task, Func<ProcessingTask, string> done)
    {
        Done = done(task);
        Load();
        return Page();
    }

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Allowed = home.Allowed(actor);
        Me = Grantee.ValuesOf(actor);
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Tasks = processing.Tasks(actor, Filter);
        if (Allowed.Contains(Operation.TaskPresent)) Unpresented = processing.Unpresented(actor);
        if (Allowed.Contains(Operation.TaskPresent) || Allowed.Contains(Operation.TaskAssign)) Colleagues = processing.Colleagues(actor);
    }
}
