using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Disposal;
using Archive.Ingest.Disposal;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// Tiêu hủy: dossiers whose retention has run out, with what may be done next (the council's decision, a hold, the head's
/// approval, the destruction), and the dossiers destroyed with their records. The services decide who may do what.
/// </summary>
public sealed class TieuHuyModel(DisposalService disposal, DossierDestruction destruction, CatalogService catalog, WorkplaceHome home,
    HttpActor actors) : FormPage
{
    public int Days { get; private set; } = 30;

    public IReadOnlyList<DisposalCandidate> Candidates { get; private set; } = [];

    public IReadOnlyList<Dossier> Destroyed { get; private set; } = [];

    public IReadOnlySet<Operation> Allowed { get; private set; } = new HashSet<Operation>();

    public void OnGet(int? ngay)
    {
        Days = Math.Clamp(ngay ?? 30, 0, 3650);
        Load();
    }

    public IActionResult OnPostReview(string code, string decision, string? council, string? retention, string? reason) => Attempt(() =>
    {
        var after = disposal.Review(code, AppraisalDecisions.Parse(decision), council ?? "",
            string.IsNullOrWhiteSpace(retention) ? null : RetentionPeriod.Parse(retention), reason, actors.Of(HttpContext));
        return Reloaded($"Đã ghi quyết định \"{AppraisalDecisions.Name(after.Appraisal!.Decision)}\" cho hồ sơ {after.FileCode}.");
    }, Load);

    public IActionResult OnPostHold(string code, string? reason) => Attempt(() =>
    {
        var hold = disposal.Hold(code, reason ?? "", actors.Of(HttpContext));
        return Reloaded($"Đã giữ hồ sơ {code} (mã lệnh giữ {hold.Id}).");
    }, Load);

    public IActionResult OnPostRelease(string code, string hold, string? reason) => Attempt(() =>
    {
        disposal.Release(code, hold, reason ?? "", actors.Of(HttpContext));
        return Reloaded($"Đã gỡ lệnh giữ {hold} của hồ sơ {code}.");
    }, Load);

    public IActionResult OnPostApprove(string code) => Attempt(() =>
    {
        disposal.Approve([code], actors.Of(HttpContext));
        return Reloaded($"Đã duyệt hủy hồ sơ {code}.");
    }, Load);

    public Task<IActionResult> OnPostDestroyAsync(string code) => AttemptAsync(async () =>
    {
        var done = await destruction.DestroyAsync([code], actors.Of(HttpContext), null, HttpContext.RequestAborted).ConfigureAwait(false);
        return Reloaded($"Đã hủy hồ sơ {code} theo biên bản {done.Record}: xóa {done.FilesRemoved} tệp. " +
                        string.Join(" ", done.Warnings));
    }, Load);

    /// <summary>The signed destruction record of a destroyed dossier.</summary>
    public IActionResult OnGetRecord(string code) =>
        File(disposal.OpenRecord(code, actors.Of(HttpContext)), "application/pdf", $"bien-ban-huy-{code}.pdf");

    private PageResult Reloaded(string done)
    {
        Done = done;
        Load();
        return Page();
    }

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Allowed = home.Allowed(actor);
        Candidates = disposal.Expiring(actor, Days);
        Destroyed = catalog.Dossiers(actor, DossierStatus.Destroyed);
    }
}
