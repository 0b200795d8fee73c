using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Core.Storage;

namespace Archive.Core.Application;

/// <summary>The home page's use case: what waits for the signed-in user, each part only where the user has the right to see it.</summary>
public sealed class WorkplaceHome(ArchiveStore store, AccessPolicy policy, TransferService transfers, ProcessingService processing,
    IssuingService issuing, TimeProvider clock)
{
    public HomeSummary Of(Actor actor)
    {
        var mine = processing.Tasks(actor, Processing.TaskFilter.Mine);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var summary = Summary(actor) with
        {
            MyTasks = mine, MyTasksOverdue = mine.Count(t => t.IsOverdue(today)), OutgoingWaiting = issuing.Waiting(actor),
        };
        // Outside the read above: the due list reads the catalog itself.
        return Allowed(actor).Contains(Operation.Transfer) ? summary with { TransfersDue = transfers.Due(actor) } : summary;
    }

    private HomeSummary Summary(Actor actor) => store.Catalog.Read(session =>
    {
        policy.Demand(session, actor, Operation.CatalogRead);
        var account = session.Users.Get(actor.Name);
        var inbox = policy.Allows(session, actor, Operation.InboxRead)
            ? session.Inbox.Where(i => i.Status == InboxStatus.Pending)
            : null;
        var now = clock.GetUtcNow();
        var overdue = policy.Allows(session, actor, Operation.InboxDecide)
            ? inbox!.Where(i => ReceptionDeadline.IsOverdue(i, now, clock.LocalTimeZone))
                .OrderBy(i => ReceptionDeadline.DueAt(i, clock.LocalTimeZone)).ToList()
            : [];
        var year = clock.GetLocalNow().Year;
        var stale = session.Dossiers.Where(d => d.Status == DossierStatus.Open && d.FileCatalog < year)
            .Where(d => policy.Allows(session, actor, d, Operation.DossierManage)).OrderBy(d => d.FileCode.Value, StringComparer.Ordinal)
            .ToList();
        var watches = policy.Allows(session, actor, Operation.Preservation);
        var runs = watches ? session.JobRuns.All() : [];
        return new HomeSummary(actor.Name, account?.FullName ?? actor.Name, actor.Roles.Select(r => r.Name).ToList(), inbox?.Count,
            inbox?.Count(i => i.Urgent), watches ? session.Problems.Count(p => p.Resolution == null) : null,
            Last(runs, PreservationJobs.Fixity), Last(runs, PreservationJobs.Backup), overdue, stale);
    });

    /// <summary>What the user may do beyond single dossiers: the workplace offers only these (the services still judge
    /// each call).</summary>
    public IReadOnlySet<Operation> Allowed(Actor actor) => store.Catalog.Read(session =>
        Permissions.RoleMatrix.Keys.Where(operation => policy.Allows(session, actor, operation)).ToHashSet());

    private static Preservation.JobRun? Last(IEnumerable<Preservation.JobRun> runs, string job) =>
        runs.Where(r => r.Job == job).OrderByDescending(r => r.Started).FirstOrDefault();
}
