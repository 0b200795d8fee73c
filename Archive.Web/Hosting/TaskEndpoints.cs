using Archive.Core.Application;
using Archive.Core.Processing;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Hosting;

/// <summary>Processing of incoming documents over HTTP, as on the page /xu-ly: a few lines each over <see cref="ProcessingService"/>.
/// </summary>
public static class TaskEndpoints
{
    public sealed record PresentBody(string Leader);

    public sealed record WorkBody(string? Note, string? Result);

    public static IEndpointRouteBuilder MapTasks(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/tasks");
        api.MapGet("/", (TaskFilter? filter, int? page, int? size, HttpContext http, HttpActor actors, ProcessingService processing) =>
            Listing<ProcessingTask>.Of(processing.Tasks(actors.Of(http), filter ?? TaskFilter.Open), page, size));
        api.MapGet("/unpresented", (HttpContext http, HttpActor actors, ProcessingService processing) =>
            processing.Unpresented(actors.Of(http)).Select(u => new
            {
                arrival = u.Arrival.Id, number = u.Arrival.Number, arrivalDate = u.Arrival.ArrivalDate, priority = u.Arrival.Priority,
                documentId = u.Arrival.DocumentId, subject = u.Document?.Subject, late = u.Late,
            }));
        api.MapGet("/{id}", (string id, HttpContext http, HttpActor actors, ProcessingService processing) =>
            processing.Task(id, actors.Of(http)));
        api.MapPost("/{id}/present", async (string id, PresentBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            ProcessingService processing) =>
            processing.Present(id, body.Leader, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        api.MapPost("/{id}/assign", async (string id, Assignment body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            ProcessingService processing) =>
            processing.Assign(id, body, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{id}/progress", async (string id, WorkBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            ProcessingService processing) =>
            processing.Progress(id, body.Note ?? "", body.Result, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        api.MapPost("/{id}/complete", async (string id, WorkBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            ProcessingService processing) =>
            processing.Complete(id, body.Note ?? "", body.Result, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        return endpoints;
    }
}
