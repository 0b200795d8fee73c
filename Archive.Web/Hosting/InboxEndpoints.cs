using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Ingest.Pipeline;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Archive.Web.Hosting;

/// <summary>The inbox "Chờ lưu trữ" over HTTP: receive files, list, show, accept into a dossier, return to the sender.</summary>
public static class InboxEndpoints
{
    public sealed record Acceptance(string Dossier);

    public sealed record Refusal(string Reason);

    public static IEndpointRouteBuilder MapInbox(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/inbox");
        api.MapGet("/", (InboxStatus? status, HttpContext http, HttpActor actors, RecordsInbox inbox) => inbox.List(actors.Of(http), status));
        api.MapGet("/{id}", (string id, HttpContext http, HttpActor actors, RecordsInbox inbox) => inbox.Item(id, actors.Of(http)));
        // Files as multipart/form-data ("files"), with an optional "dossier" and "metadata" (TT 02 JSON, one object or one per file
        // name); "batch" names every file of a batch sent one request per file, so that metadata keyed by name is read as such.
        api.MapPost("/", async (HttpContext http, HttpActor actors, IAntiforgery antiforgery, DocumentReception reception,
            CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            http.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = MaxUpload;
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUpload }, cancellationToken)
                .ConfigureAwait(false);
            var files = form.Files.Select(f => new Upload(f.FileName, f.OpenReadStream())).ToList();
            Func<string, Tt02Metadata> metadata = form["metadata"] is { Count: > 0 } given && !string.IsNullOrWhiteSpace(given[0])
                ? FileMetadata.Parse(given[0]!, files.Select(f => f.FileName).Concat(form["batch"].OfType<string>()).ToList(), "metadata").For
                : _ => Tt02Metadata.Empty;
            var done = await reception.IngestUploadsAsync(files, metadata, form["dossier"] is { Count: > 0 } d && d[0] is { Length: > 0 } code ? code : null,
                actor, cancellationToken).ConfigureAwait(false);
            return done.SelectMany(f => f.Outcomes);
        }).DisableAntiforgery();
        api.MapPost("/{id}/accept", async (string id, Acceptance body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            DocumentReception reception, CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            var accepted = await reception.AcceptAsync(id, body.Dossier, null, actor, cancellationToken).ConfigureAwait(false);
            return new
            {
                accepted.Item.Id, documentId = accepted.Document.Id, dossier = accepted.Document.FileCode.Value, accepted.Arrival.Number,
                accepted.Arrival.Year, pdfa = accepted.NotPreserved is null, accepted.NotPreserved, accepted.NotIndexed,
            };
        }).DisableAntiforgery();
        api.MapPost("/{id}/reject", async (string id, Refusal body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            RecordsInbox inbox) => inbox.Reject(id, [body.Reason], await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The largest request an upload may be: a 1 GiB scan and its companions.</summary>
    private const long MaxUpload = 2L << 30;
}
