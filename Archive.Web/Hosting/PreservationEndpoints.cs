using Archive.Core.Application;
using Archive.Core.Storage;

namespace Archive.Web.Hosting;

/// <summary>What the archivist watches: alerts (damaged or missing objects, failed checks) and the job history.</summary>
public static class PreservationEndpoints
{
    public static IEndpointRouteBuilder MapPreservation(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/problems", (ArchiveStore store) =>
            store.Catalog.Read(s => s.Problems.All()).OrderByDescending(p => p.At).Take(500));
        api.MapGet("/jobs", (ArchiveStore store, TimeProvider clock) =>
            new PreservationJobs(store, clock, Serilog.Core.Logger.None).History());
        return endpoints;
    }
}
