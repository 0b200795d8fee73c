using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Trust;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Hosting;

/// <summary>
/// What the administrator keeps (Quản trị) besides accounts: grants on dossiers, agencies, the trust store (root certificates and
/// revocation lists, uploaded), and the audit log for those allowed to read it.
/// </summary>
public static class RightsEndpoints
{
    /// <summary>To a user (login) or else to a unit of the dossier's agency; level: doc, dong-gop, quan-ly.</summary>
    public sealed record GrantRequest(string Dossier, string? User, string? Unit, string Level);

    public sealed record NewAgency(string Code, string Name, string? ParentCode);

    public static IEndpointRouteBuilder MapRights(this IEndpointRouteBuilder endpoints)
    {
        var grants = endpoints.MapGroup("/api/v1/grants");
        grants.MapGet("/", (string? dossier, HttpContext http, HttpActor actors, RightsService rights) =>
            rights.Grants(dossier, actors.Of(http)));
        grants.MapPost("/", async (GrantRequest body, HttpContext http, HttpActor actors, IAntiforgery antiforgery, RightsService rights) =>
            rights.Grant(body.Dossier, body.User, body.Unit, body.Level,
                await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        grants.MapDelete("/", async (string dossier, string? user, string? unit, HttpContext http, HttpActor actors,
            IAntiforgery antiforgery, RightsService rights) =>
            rights.Revoke(dossier, user, unit, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();

        var agencies = endpoints.MapGroup("/api/v1/agencies");
        agencies.MapGet("/", (HttpContext http, HttpActor actors, CatalogService catalog) => catalog.Agencies(actors.Of(http)));
        agencies.MapPost("/", async (NewAgency body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            CatalogService catalog) =>
        {
            var agency = catalog.CreateAgency(body.Code, body.Name, body.ParentCode,
                await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
            return Results.Created($"/api/v1/agencies/{agency.Code}", agency);
        }).DisableAntiforgery();

        var trust = endpoints.MapGroup("/api/v1/trust");
        trust.MapGet("/", (HttpContext http, HttpActor actors, TrustFolder folder) => folder.List(actors.Of(http)));
        // multipart/form-data: "kind" (anchor or crl) and one "file"; its name is kept, inside the trust folder.
        trust.MapPost("/", async (HttpContext http, HttpActor actors, IAntiforgery antiforgery, TrustFolder folder,
            CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            var form = await http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            var kind = form["kind"].ToString() switch
            {
                "anchor" => TrustMaterialKind.Anchor,
                "crl" => TrustMaterialKind.Crl,
                var other => throw new InvalidRequestException(
                    $"Loại tệp tin cậy '{other}' không có; chọn anchor (chứng thư gốc) hoặc crl."),
            };
            var file = form.Files.Count == 1 ? form.Files[0] : throw new InvalidRequestException("Gửi đúng một tệp (trường \"file\").");
            await using var content = file.OpenReadStream();
            var added = await folder.AddAsync(kind, content, Path.GetFileName(file.FileName), actor, cancellationToken)
                .ConfigureAwait(false);
            return Results.Created($"/api/v1/trust", added);
        }).DisableAntiforgery();

        endpoints.MapGet("/api/v1/audit", (long? from, int? limit, HttpContext http, HttpActor actors, AuditLog audit) =>
            audit.Entries(actors.Of(http), from ?? 1, Math.Clamp(limit ?? 100, 1, 1000)));
        return endpoints;
    }
}
