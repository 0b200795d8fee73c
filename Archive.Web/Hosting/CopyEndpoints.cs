using Archive.Core.Application;
using Archive.Core.Copies;
using Archive.Core.Storage;
using Archive.Ingest.Copies;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Hosting;

/// <summary>
/// Certified copies over HTTP: ask, approve or refuse, make (signed with the agency key the archive is configured with), hand
/// out; and the public verification of a copy by its file or its code, which needs no sign-in.
/// </summary>
public static class CopyEndpoints
{
    public sealed record Refusal(string Reason);

    public static IEndpointRouteBuilder MapCopies(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/copies");
        api.MapGet("/", (CopyRequestStatus? status, HttpContext http, HttpActor actors, CopyService copies) =>
            copies.List(actors.Of(http), status));
        api.MapPost("/", async (NewCopyRequest body, HttpContext http, HttpActor actors, IAntiforgery antiforgery, CopyService copies) =>
        {
            var created = copies.Request(body, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
            return Results.Created($"/api/v1/copies/{created.Id}", created);
        }).DisableAntiforgery();
        api.MapGet("/{id}", (string id, HttpContext http, HttpActor actors, CopyService copies) => copies.Get(id, actors.Of(http)));
        api.MapPost("/{id}/approve", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery, CopyService copies) =>
            copies.Approve(id, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{id}/refuse", async (string id, Refusal body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            CopyService copies) =>
            copies.Refuse(id, body.Reason, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{id}/make", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery, CopyIssuing issuing,
            CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            return await issuing.IssueAsync(id, null, null, actor, cancellationToken).ConfigureAwait(false);
        }).DisableAntiforgery();
        api.MapGet("/{id}/file", (string id, HttpContext http, HttpActor actors, CopyService copies) =>
        {
            var (entry, content) = copies.OpenIssued(id, actors.Of(http));
            return Results.File(content, "application/pdf", FileName(entry));
        });
        // Public, as the QR code on a copy leads here: a file (multipart, field "file") or a code (field or query "code").
        endpoints.MapPost("/api/v1/copy-verifications", async (HttpRequest request, CopyService copies,
            CancellationToken cancellationToken) =>
        {
            var found = await VerifyAsync(request, copies, cancellationToken).ConfigureAwait(false);
            return found is null
                ? Results.Problem("Không có bản sao nào do kho cấp khớp với tệp hoặc mã này: tệp không do kho cấp, " +
                                  "hoặc đã bị sửa đổi sau khi ký.", statusCode: StatusCodes.Status404NotFound, title: "Không xác thực được")
                : Results.Ok(found);
        }).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>"ban-sao-03-SY.pdf": the copy's number and ký hiệu.</summary>
    public static string FileName(CopyRegisterEntry entry) => $"ban-sao-{entry.Notation.Replace('/', '-')}.pdf";

    /// <summary>What the verification page and the API are handed: a file, by its SHA-256, or a code.</summary>
    public static async Task<CopyVerification?> VerifyAsync(HttpRequest request, CopyService copies, CancellationToken cancellationToken)
    {
        string? code = request.Query["code"];
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            if (form.Files.GetFile("file") is { Length: > 0 } file)
            {
                await using var content = file.OpenReadStream();
                return copies.Verify(await Sha256Digest.ComputeAsync(content, cancellationToken).ConfigureAwait(false), null);
            }
            code = form["code"].FirstOrDefault() ?? code;
        }
        if (string.IsNullOrWhiteSpace(code))
            throw new InvalidRequestException("Gửi tệp bản sao (trường file) hoặc mã xác thực in trên bản sao (trường code).");
        return copies.Verify(null, code);
    }
}
