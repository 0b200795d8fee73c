using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Processing;
using Archive.Core.Registry;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>
/// Processing of incoming documents (Điều 10.3, 11): the records officer presents a registered document to a leader the same day
/// (an urgent one at once); the leader assigns the lead, the cooperating ones, a deadline and instructions, and may assign again;
/// the assignees report progress and attach result documents; the lead completes. Every step is kept in the task's history and
/// audited. Deadlines are dates on the agency's calendar (the clock's time zone).
/// </summary>
public sealed class ProcessingService(ArchiveStore store, AccessPolicy policy, TimeProvider clock)
{
    /// <summary>How many days ahead a task counts as due soon.</summary>
    public const int DueSoonDays = 3;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The records officer presents a registered document (by its arrival id) to a leader of the agency.</summary>
    public ProcessingTask Present(string arrivalId, string leader, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.TaskPresent);
        var arrival = session.Arrivals.Get(arrivalId.Trim())
                      ?? throw new CatalogNotFoundException($"Không có văn bản đến mã {arrivalId} trong sổ đăng ký văn bản đến.");
        if (session.Tasks.Get(arrival.Id) is { } presented)
            throw new CatalogConflictException($"Văn bản đến số {arrival.Number} đã được trình {presented.PresentedTo}.");
        var to = ActiveUser(session, leader);
        if (!to.RoleSet.Contains(Role.Leader))
            throw new InvalidRequestException($"{to.Login} không phải lãnh đạo; chỉ trình văn bản cho lãnh đạo.");
        var document = session.Documents.Get(arrival.DocumentId);
        var now = clock.GetLocalNow();
        var task = new ProcessingTask
        {
            Id = arrival.Id, ArrivalNumber = arrival.Number, ArrivalDate = arrival.ArrivalDate, DocumentId = arrival.DocumentId,
            Summary = document is null ? arrival.DocumentId : $"{document.Notation?.Value ?? document.TypeName} — {document.Subject}",
            Priority = arrival.Priority, PresentedTo = to.Login, Status = ProcessingStatus.Presented,
            History = new([new TaskEntry { At = now, By = actor.Name, Kind = TaskEntryKind.Present, Note = $"Trình {to.Login}" }]),
        };
        session.Tasks.Insert(task);
        Audit(session, "task.present", null, task);
        return task;
    });

    /// <summary>
    /// The leader assigns the lead, the cooperating ones, the deadline and the instructions; on a task already assigned it is a
    /// reassignment, and a reason is required. Units are those of the document's agency.
    /// </summary>
    public ProcessingTask Assign(string taskId, Assignment assignment, Actor actor) => store.Catalog.Write(actor, session =>
    {
        policy.Demand(session, actor, Operation.TaskAssign);
        var before = Find(session, taskId);
        if (before.Status == ProcessingStatus.Done)
            throw new CatalogConflictException($"Văn bản đến số {before.ArrivalNumber} đã xử lý xong; không giao lại.");
        var reassigning = before.Status == ProcessingStatus.Assigned;
        if (reassigning && string.IsNullOrWhiteSpace(assignment.Reason))
            throw new InvalidRequestException("Giao lại: ghi lý do giao lại.");
        if (assignment.Deadline < Today)
            throw new InvalidRequestException($"Hạn giải quyết {assignment.Deadline:dd/MM/yyyy} đã qua (hôm nay {Today:dd/MM/yyyy}).");
        var agency = session.Documents.Get(before.DocumentId)?.OrganId
                     ?? throw new CatalogNotFoundException($"Không có văn bản {before.DocumentId} trong kho.");
        var lead = (assignment.Lead, assignment.LeadUnit) switch
        {
            ({ Length: > 0 } user, null or "") => Grantee.User(LoginName.Parse(user)),
            (null or "", { Length: > 0 } unit) => Grantee.Unit(agency, unit.Trim()),
            _ => throw new InvalidRequestException("Chọn một người hoặc một đơn vị chủ trì."),
        };
        var cooperating = assignment.Cooperating.Select(u => Grantee.User(LoginName.Parse(u)))
            .Concat(assignment.CooperatingUnits.Select(u => Grantee.Unit(agency, u.Trim()))).Distinct().ToList();
        foreach (var grantee in cooperating.Prepend(lead)) EnsureAssignable(session, grantee);
        if (cooperating.Contains(lead)) throw new InvalidRequestException($"{lead.Display} đã chủ trì; không phối hợp nữa.");
        var instructions = string.IsNullOrWhiteSpace(assignment.Instructions) ? before.Instructions : assignment.Instructions.Trim();
        string[] parts =
        [
            $"Chủ trì: {lead.Display}",
            .. cooperating.Count > 0 ? [$"phối hợp: {string.Join(", ", cooperating.Select(c => c.Display))}"] : Array.Empty<string>(),
            $"hạn {assignment.Deadline:dd/MM/yyyy}",
            .. instructions is null ? Array.Empty<string>() : [$"ý kiến chỉ đạo: {instructions}"],
            .. reassigning ? [$"lý do giao lại: {assignment.Reason!.Trim()}"] : Array.Empty<string>(),
        ];
        var after = before with
        {
            Status = ProcessingStatus.Assigned, Lead = lead.Value, Cooperating = new(cooperating.Select(c => c.Value)),
            Deadline = assignment.Deadline, Instructions = instructions,
            History = new([.. before.History, Entry(actor, reassigning ? TaskEntryKind.Reassign : TaskEntryKind.Assign,
                string.Join("; ", parts))]),
        };
        session.Tasks.Update(after);
        Audit(session, reassigning ? "task.reassign" : "task.assign", before, after);
        return after;
    });

    /// <summary>An assignee reports progress, with a result document when there is one.</summary>
    public ProcessingTask Progress(string taskId, string note, string? resultDocumentId, Actor actor) =>
        Work(taskId, note, resultDocumentId, actor, complete: false);

    /// <summary>The lead completes the processing.</summary>
    public ProcessingTask Complete(string taskId, string note, string? resultDocumentId, Actor actor) =>
        Work(taskId, note, resultDocumentId, actor, complete: true);

    private ProcessingTask Work(string taskId, string note, string? resultDocumentId, Actor actor, bool complete) =>
        store.Catalog.Write(actor, session =>
        {
            var before = Find(session, taskId);
            var mine = Grantee.ValuesOf(actor);
            if (!actor.IsOperator && (complete ? !mine.Contains(before.Lead) : !before.IsAssignedTo(mine)))
                throw new AccessDeniedException(complete
                    ? $"Chỉ người (đơn vị) chủ trì hoàn thành việc xử lý văn bản đến số {before.ArrivalNumber}."
                    : $"{actor.Name} không được giao xử lý văn bản đến số {before.ArrivalNumber}.");
            if (before.Status != ProcessingStatus.Assigned)
                throw new CatalogConflictException(before.Status == ProcessingStatus.Done
                    ? $"Văn bản đến số {before.ArrivalNumber} đã xử lý xong."
                    : $"Văn bản đến số {before.ArrivalNumber} chưa được giao xử lý.");
            if (string.IsNullOrWhiteSpace(note) && !complete) throw new InvalidRequestException("Ghi nội dung tiến độ.");
            if (resultDocumentId is not null && !session.Documents.Exists(resultDocumentId))
                throw new CatalogNotFoundException($"Không có văn bản mã '{resultDocumentId}' trong kho để đính kèm kết quả.");
            var now = clock.GetLocalNow();
            var entry = Entry(actor, complete ? TaskEntryKind.Complete : TaskEntryKind.Progress, note?.Trim() ?? "") with
            {
                ResultDocumentId = resultDocumentId,
            };
            var after = before with
            {
                Status = complete ? ProcessingStatus.Done : before.Status, CompletedAt = complete ? now : null,
                History = new([.. before.History, entry]),
            };
            session.Tasks.Update(after);
            Audit(session, complete ? "task.complete" : "task.progress", before, after);
            return after;
        });

    /// <summary>
    /// The tasks an actor sees: records officers and leaders all of them, anyone else those presented or assigned to them;
    /// narrowed to the actor's own, the overdue or the due-soon ones. Deadline first.
    /// </summary>
    public IReadOnlyList<ProcessingTask> Tasks(Actor actor, TaskFilter filter = TaskFilter.Open) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.CatalogRead);
        var mine = Grantee.ValuesOf(actor);
        var everything = actor.IsOperator || actor.Has(Role.RecordsOfficer) || actor.Has(Role.Leader);
        var today = Today;
        return session.Tasks.All()
            .Where(t => everything && filter != TaskFilter.Mine || t.IsAssignedTo(mine) || t.PresentedTo == actor.Name)
            .Where(t => filter switch
            {
                TaskFilter.Overdue => t.IsOverdue(today),
                TaskFilter.DueSoon => t.IsDueWithin(today, DueSoonDays),
                TaskFilter.All => true,
                _ => t.Status != ProcessingStatus.Done,
            })
            .OrderBy(t => t.Deadline ?? DateOnly.MaxValue).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
    });

    public ProcessingTask Task(string taskId, Actor actor) =>
        Tasks(actor, TaskFilter.All).FirstOrDefault(t => t.Id == taskId.Trim())
        ?? throw new CatalogNotFoundException($"Không có việc xử lý văn bản đến mã {taskId} (hoặc không được xem).");

    /// <summary>
    /// Registered documents not yet presented, oldest first; late when their day (agency time) is over, or for an urgent one
    /// (Khẩn, Hỏa tốc) once <see cref="ReceptionDeadline.Urgent"/> has passed. For the records officers and leaders.
    /// </summary>
    public IReadOnlyList<UnpresentedArrival> Unpresented(Actor actor) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.TaskPresent);
        var now = clock.GetLocalNow();
        var year = now.Year;
        return session.Arrivals.Where(a => a.Year == year).Concat(session.Arrivals.Where(a => a.Year == year - 1))
            .Where(a => !session.Tasks.Exists(a.Id))
            .Select(a => new UnpresentedArrival(a, session.Documents.Get(a.DocumentId), PresentBy(a) < now))
            .OrderBy(u => u.Arrival.ArrivalDate).ThenBy(u => u.Arrival.Year).ThenBy(u => u.Arrival.Number).ToList();
    });

    /// <summary>The active users of the actor's agency, leaders first: whom work may be presented or assigned to.</summary>
    public IReadOnlyList<Colleague> Colleagues(Actor actor) => store.Catalog.Read(session =>
    {
        if (!policy.Allows(session, actor, Operation.TaskPresent)) policy.Demand(session, actor, Operation.TaskAssign);
        return session.Users.All().Where(u => u.Enabled && (actor.Agency is null || u.Agency == actor.Agency))
            .Select(u => new Colleague(u.Login, u.FullName, u.Unit, u.RoleSet.Contains(Role.Leader)))
            .OrderByDescending(c => c.IsLeader).ThenBy(c => c.Login, StringComparer.Ordinal).ToList();
    });

    /// <summary>When an arrival must have been presented: at once for an urgent one, else before the end of its day.</summary>
    private DateTimeOffset PresentBy(ArrivalEntry arrival)
    {
        if (Urgency.IsUrgent(arrival.Priority)) return arrival.ArrivalDate + ReceptionDeadline.Urgent;
        var zone = clock.LocalTimeZone;
        var midnight = TimeZoneInfo.ConvertTime(arrival.ArrivalDate, zone).Date.AddDays(1);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }

    private static ProcessingTask Find(ICatalogSession session, string taskId) =>
        session.Tasks.Get(taskId.Trim()) ?? throw new CatalogNotFoundException($"Văn bản đến mã {taskId} chưa được trình.");

    private static UserAccount ActiveUser(ICatalogSession session, string login)
    {
        var user = session.Users.Get(login.Trim()) ?? throw new InvalidRequestException($"Không có người dùng '{login}'.");
        return user.Enabled ? user : throw new InvalidRequestException($"Tài khoản {user.Login} đã bị khóa; không giao việc được.");
    }

    /// <summary>A user who exists and is enabled, or a unit that has at least one enabled user.</summary>
    private static void EnsureAssignable(ICatalogSession session, Grantee grantee)
    {
        if (grantee.Value.StartsWith("user:", StringComparison.Ordinal))
        {
            ActiveUser(session, grantee.Value[5..]);
            return;
        }
        if (!session.Users.All().Any(u => u.Enabled && u.Agency is { } agency && u.Unit is { } unit
                                          && Grantee.Unit(agency, unit).Value == grantee.Value))
            throw new InvalidRequestException($"Không có {grantee.Display}, hoặc đơn vị không còn ai đang làm việc.");
    }

    private TaskEntry Entry(Actor actor, string kind, string note) =>
        new() { At = clock.GetLocalNow(), By = actor.Name, Kind = kind, Note = note };

    private static void Audit(ICatalogSession session, string action, ProcessingTask? before, ProcessingTask after) =>
        session.Record(new AuditChange(action, nameof(ProcessingTask), after.Id, before is null ? null : Summary(before), Summary(after)));

    private static string Summary(ProcessingTask t) => System.Text.Json.JsonSerializer.Serialize(new
    {
        t.Id, t.DocumentId, Status = t.Status.ToString(), t.PresentedTo, t.Lead, Cooperating = t.Cooperating.ToArray(), t.Deadline,
        t.Instructions, Last = t.History[^1].Note,
    });
}
