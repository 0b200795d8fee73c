using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Net.Http.Headers;

namespace Archive.Web.Hosting;

/// <summary>
/// Danh mục hồ sơ over HTTP: list, create, read, edit, close, reopen. A dossier's revision is its ETag; an edit must name the
/// revision it started from (If-Match), so that of two people editing at once the second is told, not overwritten.
/// </summary>
public static class DossierEndpoints
{
    public sealed record Reopening(string Reason);

    public static IEndpointRouteBuilder MapDossiers(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/dossiers");
        api.MapGet("/", (DossierStatus? status, int? page, int? size, HttpContext http, HttpActor actors, CatalogService catalog) =>
            Listing<Dossier>.Of(catalog.Dossiers(actors.Of(http), status), page, size));
        // The body is one object of TT 02 tags (section 2); "unit" in the query names the unit when it is not the creator's own.
        api.MapPost("/", async (JsonElement body, string? unit, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            CatalogService catalog) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            var created = catalog.CreateDossier(Metadata(body), actor, unit);
            return Tagged(http, created, Results.Created($"/api/v1/dossiers/{Uri.EscapeDataString(created.FileCode.Value)}", created));
        }).DisableAntiforgery();
        api.MapGet("/{code}", (string code, HttpContext http, HttpActor actors, CatalogService catalog) =>
        {
            var details = catalog.Dossier(code, actors.Of(http));
            return Tagged(http, details.Dossier, Results.Ok(details));
        });
        api.MapPut("/{code}", async (string code, JsonElement body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            CatalogService catalog) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            if (http.Request.Headers.IfMatch.ToString() is not { Length: > 0 } ifMatch)
                return Results.Problem(
                    "Sửa hồ sơ cần tiêu đề If-Match mang ETag của bản đã đọc (GET), để không ghi đè lên sửa đổi của người khác.",
                    statusCode: StatusCodes.Status428PreconditionRequired, title: "Thiếu If-Match");
            var edited = catalog.EditDossier(code, Metadata(body), DossierRevision.Parse(ifMatch), actor);
            return Tagged(http, edited, Results.Ok(edited));
        }).DisableAntiforgery();
        api.MapPost("/{code}/close", async (string code, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            CatalogService catalog) =>
        {
            var closed = catalog.CloseDossier(code, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
            return Tagged(http, closed, Results.Ok(closed));
        }).DisableAntiforgery();
        api.MapPost("/{code}/reopen", async (string code, Reopening body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            CatalogService catalog) =>
        {
            var reopened = catalog.ReopenDossier(code, body.Reason, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
            return Tagged(http, reopened, Results.Ok(reopened));
        }).DisableAntiforgery();
        return endpoints;
    }

    private static Tt02Metadata Metadata(JsonElement body) => body.ValueKind == JsonValueKind.Object
        ? Tt02Metadata.FromJson(body, CatalogService.DossierTags, "nội dung yêu cầu")
        : throw new MetadataFormatException("Nội dung yêu cầu phải là một đối tượng JSON {\"Tên trường TT 02\": \"giá trị\"}.");

    private static IResult Tagged(HttpContext http, Dossier dossier, IResult result)
    {
        http.Response.Headers[HeaderNames.ETag] = $"\"{DossierRevision.Of(dossier)}\"";
        return result;
    }
}
