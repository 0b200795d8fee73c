using Archive.Core.Preservation;

namespace Archive.Core.Application;

/// <summary>
/// What waits for a user on the home page. A part the user may not see is null, not zero: the page leaves it out.
/// </summary>
public sealed record HomeSummary(string Login, string FullName, IReadOnlyList<string> RoleNames, int? PendingInbox, int? UrgentInbox,
    int? Alerts, JobRun? LastFixity, JobRun? LastBackup);
