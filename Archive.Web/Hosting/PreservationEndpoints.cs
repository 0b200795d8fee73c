using Archive.Core.Application;

namespace Archive.Web.Hosting;

/// <summary>
/// What the archivist watches: alerts (damaged or missing objects, failed checks, changes of rights) and the job history.
/// </summary>
public static class PreservationEndpoints
{
    public static IEndpointRouteBuilder MapPreservation(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/problems", (HttpContext http, HttpActor actor, PreservationJobs jobs) => jobs.Alerts(actor.Of(http)));
        api.MapGet("/jobs", (HttpContext http, HttpActor actor, PreservationJobs jobs) => jobs.History(actor.Of(http)));
        return endpoints;
    }
}
