using Archive.Core.Application;
using Archive.Web.Jobs;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Hosting;

/// <summary>
/// What the archivist watches and runs: alerts (damaged or missing objects, failed checks, changes of rights), the job history,
/// the fixity check minutes, the backup sets, and a fixity check or a backup started now.
/// </summary>
public static class PreservationEndpoints
{
    public static IEndpointRouteBuilder MapPreservation(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/problems", (HttpContext http, HttpActor actor, PreservationJobs jobs) => jobs.Alerts(actor.Of(http)));
        api.MapGet("/jobs", (HttpContext http, HttpActor actor, PreservationJobs jobs) => jobs.History(actor.Of(http)));

        var preservation = endpoints.MapGroup("/api/v1/preservation");
        preservation.MapGet("/minutes", (HttpContext http, HttpActor actor, PreservationJobs jobs) => jobs.Minutes(actor.Of(http)));
        preservation.MapGet("/minutes/{name}", (string name, HttpContext http, HttpActor actor, PreservationJobs jobs) =>
            Results.Stream(jobs.OpenMinutes(name, actor.Of(http)), "text/plain; charset=utf-8", name));
        preservation.MapGet("/backups", (HttpContext http, HttpActor actor, PreservationJobs jobs, ArchiveSettings settings) =>
            jobs.BackupSets(settings.BackupTargets, actor.Of(http)));
        // Accepted: the job goes on after the answer; its run appears in the job history (GET /api/jobs).
        preservation.MapPost("/jobs/{job}/run", async (string job, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            ScheduledJobs jobs, IHostApplicationLifetime lifetime) =>
            jobs.TryStartNow(job, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false), lifetime.ApplicationStopping)
                ? Results.Accepted("/api/jobs")
                : Results.Problem("Đang có một tác vụ bảo quản chạy; chạy lại khi tác vụ đó xong (xem lịch sử tác vụ).",
                    statusCode: StatusCodes.Status409Conflict, title: "Tác vụ đang chạy")).DisableAntiforgery();
        return endpoints;
    }
}
