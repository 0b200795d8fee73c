using Archive.Core.Application;
using Archive.Core.Issuing;
using Archive.Ingest.Issuing;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;

namespace Archive.Web.Hosting;

/// <summary>
/// Outgoing documents over HTTP, as on the page /phat-hanh: a few lines each over <see cref="IssuingService"/> and
/// <see cref="OutgoingIssuing"/>. Files travel as multipart/form-data ("file"); the draft's description as form fields.
/// </summary>
public static class OutgoingEndpoints
{
    public sealed record SubmitBody(string Signer, string? Note);

    public sealed record NoteBody(string Note);

    /// <summary>The largest draft or signed file accepted: far above any administrative document.</summary>
    private const long MaxUpload = 512L << 20;

    public static IEndpointRouteBuilder MapOutgoing(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/outgoing");
        api.MapGet("/", (OutgoingStatus? status, int? page, int? size, HttpContext http, HttpActor actors, IssuingService issuing) =>
            Listing<OutgoingDocument>.Of(issuing.List(actors.Of(http), status), page, size));
        api.MapGet("/{id}", (string id, HttpContext http, HttpActor actors, IssuingService issuing) => issuing.Get(id, actors.Of(http)));
        api.MapGet("/{id}/versions/{digest}", (string id, string digest, HttpContext http, HttpActor actors, IssuingService issuing) =>
            Results.File(issuing.OpenVersion(id, digest, actors.Of(http)), "application/pdf", $"van-ban-di-{digest[..12]}.pdf"));
        api.MapPost("/", async (HttpContext http, HttpActor actors, IAntiforgery antiforgery, IssuingService issuing,
            CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            var form = await ReadAsync(http, cancellationToken).ConfigureAwait(false);
            await using var content = File(form);
            return await issuing.DraftAsync(Draft(form), content, actor, cancellationToken).ConfigureAwait(false);
        }).DisableAntiforgery();
        api.MapPost("/{id}/draft", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery, IssuingService issuing,
            CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            var form = await ReadAsync(http, cancellationToken).ConfigureAwait(false);
            await using var content = File(form);
            return await issuing.ReviseAsync(id, content, form["note"].FirstOrDefault(), actor, cancellationToken).ConfigureAwait(false);
        }).DisableAntiforgery();
        api.MapPost("/{id}/submit", async (string id, SubmitBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            IssuingService issuing) =>
            issuing.Submit(id, body.Signer, body.Note, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))
            .DisableAntiforgery();
        api.MapPost("/{id}/comment", async (string id, NoteBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            IssuingService issuing) =>
            issuing.Comment(id, body.Note, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{id}/return", async (string id, NoteBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            IssuingService issuing) =>
            issuing.Return(id, body.Note, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))).DisableAntiforgery();
        api.MapPost("/{id}/signed", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            OutgoingIssuing outgoing, CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            await using var content = File(await ReadAsync(http, cancellationToken).ConfigureAwait(false));
            return await outgoing.AcceptSignedAsync(id, content, actor, cancellationToken).ConfigureAwait(false);
        }).DisableAntiforgery();
        api.MapPost("/{id}/number", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            OutgoingIssuing outgoing, CancellationToken cancellationToken) =>
            await outgoing.NumberAsync(id, null, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false)).DisableAntiforgery();
        api.MapPost("/{id}/issue", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            OutgoingIssuing outgoing, CancellationToken cancellationToken) =>
            await outgoing.IssueAsync(id, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false), cancellationToken)
                .ConfigureAwait(false)).DisableAntiforgery();
        api.MapPost("/{id}/recall", async (string id, NoteBody body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            OutgoingIssuing outgoing, CancellationToken cancellationToken) =>
            await outgoing.RecallAsync(id, body.Note, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false)).DisableAntiforgery();
        // A recipient's status message (edXML), as the body or as the form's "file".
        api.MapPost("/status", async (HttpContext http, HttpActor actors, IAntiforgery antiforgery, OutgoingIssuing outgoing,
            CancellationToken cancellationToken) =>
        {
            var actor = await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false);
            if (!http.Request.HasFormContentType)
                return await outgoing.ReceiveStatusAsync(http.Request.Body, actor, cancellationToken).ConfigureAwait(false);
            await using var message = File(await ReadAsync(http, cancellationToken).ConfigureAwait(false));
            return await outgoing.ReceiveStatusAsync(message, actor, cancellationToken).ConfigureAwait(false);
        }).DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IFormCollection> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType) throw new InvalidRequestException("Gửi tệp dưới dạng multipart/form-data (trường file).");
        http.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = MaxUpload;
        return await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUpload }, cancellationToken)
            .ConfigureAwait(false);
    }

    private static Stream File(IFormCollection form) =>
        form.Files.GetFile("file") is { Length: > 0 } file
            ? file.OpenReadStream()
            : throw new InvalidRequestException("Chưa chọn tệp PDF.");

    /// <summary>The draft's description from the form: recipients one per line as "MÃ-ĐỊNH-DANH=Tên cơ quan".</summary>
    public static NewOutgoingDocument Draft(IFormCollection form)
    {
        string? Field(string name) => form[name].FirstOrDefault() is { Length: > 0 } value ? value.Trim() : null;
        var recipients = (Field("recipients") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(OutgoingRecipient.Parse).ToList();
        DateOnly? due = Field("dueDate") is { } text
            ? DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date) ? date
            : throw new InvalidRequestException($"Hạn trả lời \"{text}\" không phải ngày yyyy-MM-dd.")
            : null;
        int? pages = Field("pageAmount") is { } count
            ? int.TryParse(count, out var n) && n > 0 ? n : throw new InvalidRequestException($"Số trang \"{count}\" không hợp lệ.")
            : null;
        return new NewOutgoingDocument(Field("typeName") ?? "", Field("notation") ?? "", Field("subject") ?? "", Field("dossier") ?? "",
            recipients, Field("priority"), due, pages, Field("register") ?? NewOutgoingDocument.DefaultRegister);
    }
}
