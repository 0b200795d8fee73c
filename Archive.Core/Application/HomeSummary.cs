using Archive.Core.Preservation;

namespace Archive.Core.Application;

/// <summary>
/// What waits for a user on the home page. A part the user may not see is null, not zero: the page leaves it out.
/// </summary>
/// <param name="OverdueInbox">Incoming documents past their reception deadline (Điều 10.3), for those who decide on the inbox.</param>
/// <param name="StaleDossiers">Dossiers of past years still open, that the user manages: they should have been closed.</param>
public sealed record HomeSummary(string Login, string FullName, IReadOnlyList<string> RoleNames, int? PendingInbox, int? UrgentInbox,
    int? Alerts, JobRun? LastFixity, JobRun? LastBackup, IReadOnlyList<Registry.InboxItem> OverdueInbox,
    IReadOnlyList<Catalog.Dossier> StaleDossiers)
{
    /// <summary>For archivists: what is due for transfer or review within the warning period (<see cref="TransferService.Due"/>).</summary>
    public IReadOnlyList<Transfers.TransferDue>? TransfersDue { get; init; }

    /// <summary>The incoming documents presented or assigned to the user (or its unit), not done: the in-app notice of new work.</summary>
    public IReadOnlyList<Processing.ProcessingTask> MyTasks { get; init; } = [];

    /// <summary>How many of <see cref="MyTasks"/> are past their deadline on the agency's calendar.</summary>
    public int MyTasksOverdue { get; init; }

    /// <summary>Outgoing documents waiting for the user's step (<see cref="IssuingService.Waiting"/>).</summary>
    public IReadOnlyList<Issuing.OutgoingDocument> OutgoingWaiting { get; init; } = [];
}
