using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Processing;
using Archive.Ingest.Issuing;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages;

/// <summary>
/// Phát hành văn bản đi (Điều 12, 13): drafting, presenting for signing, the signer's signed file, numbering with the organisation
/// signature, issuing, status messages and recall, each offered to whoever may take the step; the services decide who may.
/// </summary>
public sealed class PhatHanhModel(IssuingService issuing, OutgoingIssuing outgoing, CatalogService catalog, WorkplaceHome home,
    HttpActor actors) : FormPage
{
    public OutgoingStatus? Filter { get; private set; }

    public IReadOnlyList<OutgoingDocument> Documents { get; private set; } = [];

    public IReadOnlyList<Colleague> Signers { get; private set; } = [];

    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];

    public IReadOnlySet<Operation> Allowed { get; private set; } = new HashSet<Operation>();

    public string Me { get; private set; } = "";

    public void OnGet(OutgoingStatus? loc)
    {
        Filter = loc;
        Load();
    }

    public Task<IActionResult> OnPostDraftAsync(IFormFile? file, string? signer, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            var request = OutgoingEndpoints.Draft(Request.Form);
            if (file is not { Length: > 0 }) throw new InvalidRequestException("Chưa chọn tệp PDF dự thảo.");
            await using var content = file.OpenReadStream();
            var actor = actors.Of(HttpContext);
            var drafted = await issuing.DraftAsync(request, content, actor, cancellationToken);
            if (!string.IsNullOrWhiteSpace(signer)) drafted = issuing.Submit(drafted.Id, signer, null, actor);
            return Reloaded(drafted, d => d.Status == OutgoingStatus.Submitted
                ? $"Đã lưu dự thảo và trình {d.Signer} ký: {d.Subject}."
                : $"Đã lưu dự thảo: {d.Subject}.");
        }, Load);

    public Task<IActionResult> OnPostReviseAsync(string id, IFormFile? file, string? note, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            if (file is not { Length: > 0 }) throw new InvalidRequestException("Chưa chọn tệp PDF dự thảo mới.");
            await using var content = file.OpenReadStream();
            return Reloaded(await issuing.ReviseAsync(id, content, note, actors.Of(HttpContext), cancellationToken),
                d => $"Đã lưu dự thảo mới: {d.Subject}.");
        }, Load);

    public IActionResult OnPostSubmit(string id, string signer, string? note) => Attempt(() =>
        Reloaded(issuing.Submit(id, signer, note, actors.Of(HttpContext)), d => $"Đã trình {d.Signer} ký: {d.Subject}."), Load);

    public IActionResult OnPostComment(string id, string? note) => Attempt(() =>
        Reloaded(issuing.Comment(id, note ?? "", actors.Of(HttpContext)), d => $"Đã ghi ý kiến: {d.Subject}."), Load);

    public IActionResult OnPostReturn(string id, string? note) => Attempt(() =>
        Reloaded(issuing.Return(id, note ?? "", actors.Of(HttpContext)), d => $"Đã trả lại: {d.Subject}."), Load);

    public Task<IActionResult> OnPostSignedAsync(string id, IFormFile? file, CancellationToken cancellationToken) =>
        AttemptAsync(async () =>
        {
            if (file is not { Length: > 0 }) throw new InvalidRequestException("Chưa chọn tệp đã ký số.");
            await using var content = file.OpenReadStream();
            return Reloaded(await outgoing.AcceptSignedAsync(id, content, actors.Of(HttpContext), cancellationToken),
                d => $"Đã lưu văn bản đã ký số cá nhân ({d.SignerName}): {d.Subject}.");
        }, Load);

    public Task<IActionResult> OnPostNumberAsync(string id, CancellationToken cancellationToken) => AttemptAsync(async () =>
        Reloaded(await outgoing.NumberAsync(id, null, actors.Of(HttpContext), cancellationToken),
            d => $"Đã cấp số {d.Code}, ký số cơ quan, lập vào hồ sơ {d.DossierCode}."), Load);

    public Task<IActionResult> OnPostIssueAsync(string id, CancellationToken cancellationToken) => AttemptAsync(async () =>
        Reloaded(await outgoing.IssueAsync(id, actors.Of(HttpContext), cancellationToken),
            d => $"Đã phát hành {d.Code} tới {d.Recipients.Count} nơi nhận."), Load);

    public Task<IActionResult> OnPostRecallAsync(string id, string? note, CancellationToken cancellationToken) => AttemptAsync(async () =>
        Reloaded(await outgoing.RecallAsync(id, note ?? "", actors.Of(HttpContext), cancellationToken),
            d => $"Đã thu hồi {d.Code}."), Load);

    public Task<IActionResult> OnPostStatusAsync(IFormFile? file, CancellationToken cancellationToken) => AttemptAsync(async () =>
    {
        if (file is not { Length: > 0 }) throw new InvalidRequestException("Chưa chọn tệp thông điệp trạng thái.");
        await using var content = file.OpenReadStream();
        return Reloaded(await outgoing.ReceiveStatusAsync(content, actors.Of(HttpContext), cancellationToken),
            d => $"{d.Code}: {d.History[^1].Note}.");
    }, Load);

    private IActionResult Reloaded(OutgoingDocument document, Func<OutgoingDocument, string> done)
    {
        Done = done(document);
        Load();
        return Page();
    }

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Me = actor.Name;
        Allowed = home.Allowed(actor);
        Documents = issuing.List(actor, Filter);
        if (Allowed.Contains(Operation.OutgoingDraft))
        {
            Signers = issuing.Signers(actor);
            Dossiers = catalog.Dossiers(actor, DossierStatus.Open);
        }
    }
}
