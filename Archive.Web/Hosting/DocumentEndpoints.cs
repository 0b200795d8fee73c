using Archive.Core.Application;

namespace Archive.Web.Hosting;

/// <summary>A document and its stored forms, streamed: the access check and the access log are the service's.</summary>
public static class DocumentEndpoints
{
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/documents");
        // The record, its signature report, its PREMIS history and audit trail: what the Văn bản page shows.
        api.MapGet("/{id}", (string id, HttpContext http, HttpActor actor, DocumentView view) => view.Of(id, actor.Of(http)))
            .RequireRateLimiting(ReadAdmission.Policy);
        foreach (var (path, representation) in new[]
                 {
                     ("original", Representation.Original), ("pdfa", Representation.PdfA), ("metadata", Representation.MetadataXml),
                 })
            api.MapGet($"/{{id}}/{path}", async (string id, HttpContext http, HttpActor actor, DocumentContent content,
                CancellationToken cancellationToken) =>
            {
                var opened = await content.OpenAsync(id, representation, actor.Of(http), cancellationToken).ConfigureAwait(false);
                return Results.Stream(opened.Content, opened.MediaType, opened.FileName);
            });
        return endpoints;
    }
}
