using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Disposal;
using Archive.Ingest.Disposal;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Hosting;

/// <summary>Retention and disposal over HTTP, as on the page /tieu-huy: each a few lines over <see cref="DisposalService"/>.</summary>
public static class DisposalEndpoints
{
    /// <summary>The council's decision: giu (with the longer retention), nop-luu or huy.</summary>
    public sealed record AppraisalBody(string Decision, string Council, string? Retention, string? Reason);

    public sealed record ReasonBody(string Reason);

    public static IEndpointRouteBuilder MapDisposals(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/disposals");
        api.MapGet("/", (int? days, HttpContext http, HttpActor actors, DisposalService disposal) =>
            disposal.Expiring(actors.Of(http), days is null ? null : Math.Clamp(days.Value, 0, 3650)).Select(c => new
            {
                dossier = c.Dossier.FileCode.Value, title = c.Dossier.Title, maintenance = c.Dossier.Maintenance.Value,
                retentionEnds = c.RetentionEnds, ended = c.Ended, state = c.State, appraisal = c.Dossier.Appraisal,
                holds = c.Dossier.Holds,
            }));
        api.MapPost("/{code}/review", async (string code, AppraisalBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            DisposalService disposal) =>
            disposal.Review(code, AppraisalDecisions.Parse(body.Decision), body.Council,
                string.IsNullOrWhiteSpace(body.Retention) ? null : RetentionPeriod.Parse(body.Retention), body.Reason,
                await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{code}/holds", async (string code, ReasonBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            DisposalService disposal) =>
            disposal.Hold(code, body.Reason, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{code}/holds/{hold}/release", async (string code, string hold, ReasonBody body, HttpContext http, HttpActor actors,
            IAntiforgery antiforgery, DisposalService disposal) =>
            disposal.Release(code, hold, body.Reason, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        api.MapPost("/{code}/approve", async (string code, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            DisposalService disposal) =>
            disposal.Approve([code], await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))[0]).DisableAntiforgery();
        api.MapPost("/{code}/destroy", async (string code, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            DossierDestruction destruction, CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            return await destruction.DestroyAsync([code], actor, null, cancellationToken).ConfigureAwait(false);
        }).DisableAntiforgery();
        api.MapGet("/{code}/record", (string code, HttpContext http, HttpActor actors, DisposalService disposal) =>
            Results.File(disposal.OpenRecord(code, actors.Of(http)), "application/pdf", $"bien-ban-huy-{code}.pdf"));
        return endpoints;
    }
}
