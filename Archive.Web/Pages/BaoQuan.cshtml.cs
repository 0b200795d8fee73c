using Archive.Core.Application;
using Archive.Core.Preservation;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Bảo quản: the alerts that need a person and the history of the fixity and backup jobs, for administrators and archivists.</summary>
public sealed class BaoQuanModel(PreservationJobs jobs, HttpActor actors) : PageModel
{
    public IReadOnlyList<Problem> Alerts { get; private set; } = [];

    public IReadOnlyList<JobRun> Runs { get; private set; } = [];

    public void OnGet()
    {
        var actor = actors.Of(HttpContext);
        Alerts = jobs.Alerts(actor);
        Runs = jobs.History(actor);
    }
}
