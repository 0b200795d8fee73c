using Archive.Core.Application;
using Archive.Core.Preservation;
using Archive.Web.Hosting;
using Archive.Web.Jobs;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// Bảo quản: the alerts that need a person, the history of the fixity and backup jobs, the check minutes to download, the backup
/// sets, and "run now", for administrators and archivists.
/// </summary>
public sealed class BaoQuanModel(PreservationJobs jobs, ScheduledJobs scheduled, ArchiveSettings settings, HttpActor actors,
    IHostApplicationLifetime lifetime) : PageModel
{
    public IReadOnlyList<Problem> Alerts { get; private set; } = [];

    public IReadOnlyList<JobRun> Runs { get; private set; } = [];

    public IReadOnlyList<ReportFile> Minutes { get; private set; } = [];

    public IReadOnlyList<BackupSetSummary> Backups { get; private set; } = [];

    public string? Started { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPostRun(string job)
    {
        Started = scheduled.TryStartNow(job, actors.Of(HttpContext), lifetime.ApplicationStopping)
            ? $"Đã bắt đầu: {Names.JobName(job)}. Kết quả hiện trong lịch sử tác vụ khi chạy xong."
            : "Đang có một tác vụ bảo quản chạy; chạy lại khi tác vụ đó xong.";
        Load();
        return Page();
    }

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Alerts = jobs.Alerts(actor);
        Runs = jobs.History(actor);
        Minutes = jobs.Minutes(actor);
        Backups = jobs.BackupSets(settings.BackupTargets, actor);
    }
}
