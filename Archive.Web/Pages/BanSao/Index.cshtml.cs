using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Copies;
using Archive.Ingest.Copies;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.BanSao;

/// <summary>
/// Bản sao: one's own requests for copies and, for the approver and the records officers, the agency's; each with what may be
/// done next (approve or refuse, make, download). The services decide who may do what; the buttons only follow.
/// </summary>
public sealed class IndexModel(CopyService copies, CopyIssuing issuing, WorkplaceHome home, HttpActor actors) : FormPage
{
    public IReadOnlyList<CopyRequest> Requests { get; private set; } = [];

    public IReadOnlySet<Operation> Allowed { get; private set; } = new HashSet<Operation>();

    /// <summary>The requests this person may approve or refuse.</summary>
    public IReadOnlySet<string> Decidable { get; private set; } = new HashSet<string>();

    public void OnGet() => Load();

    public IActionResult OnPostApprove(string id) => Attempt(() =>
    {
        var approved = copies.Approve(id, actors.Of(HttpContext));
        Done = $"Đã duyệt yêu cầu {approved.CopyForm.Name} số {approved.Id}.";
        Load();
        return Page();
    }, Load);

    public IActionResult OnPostRefuse(string id, string? reason) => Attempt(() =>
    {
        var refused = copies.Refuse(id, reason ?? "", actors.Of(HttpContext));
        Done = $"Đã từ chối yêu cầu {refused.CopyForm.Name} số {refused.Id}: {refused.RefusalReason}";
        Load();
        return Page();
    }, Load);

    public Task<IActionResult> OnPostMakeAsync(string id) => AttemptAsync(async () =>
    {
        var entry = await issuing.IssueAsync(id, null, null, actors.Of(HttpContext), HttpContext.RequestAborted).ConfigureAwait(false);
        Done = $"Đã cấp {entry.CopyForm.Name} số {entry.Notation} (mã xác thực {entry.VerificationCode}) cho {entry.Recipient}.";
        Load();
        return Page();
    }, Load);

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Requests = copies.List(actor);
        Allowed = home.Allowed(actor);
        Decidable = copies.Decidable(Requests, actor);
    }
}
