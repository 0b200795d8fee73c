using System.Text.Json;
using Archive.Core;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Ingest.Pipeline;
using Archive.Ingest.Signatures;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Chờ lưu trữ: the inbox, urgent first; an item's checks and signature report; Tiếp nhận into a dossier or Trả lại with a reason.</summary>
public sealed class ChoLuuTruModel(RecordsInbox inbox, DocumentReception reception, CatalogService catalog, HttpActor actors) : PageModel
{
    public IReadOnlyList<InboxItem> Items { get; private set; } = [];

    public InboxItem? Selected { get; private set; }

    public SignatureReportJson? Signatures { get; private set; }

    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    [BindProperty(SupportsGet = true, Name = "trang-thai")]
    public InboxStatus? StatusFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = "khan")]
    public bool UrgentOnly { get; set; }

    [BindProperty(SupportsGet = true, Name = "tim")]
    public string? Text { get; set; }

    public void OnGet(string? id) => Load(id);

    public async Task<IActionResult> OnPostAcceptAsync(string id, string dossier, CancellationToken cancellationToken)
    {
        try
        {
            var accepted = await reception.AcceptAsync(id, dossier, null, actors.Of(HttpContext), cancellationToken).ConfigureAwait(false);
            Message = $"Đã tiếp nhận: số đến {accepted.Arrival.Number}/{accepted.Arrival.Year}, lập vào hồ sơ {accepted.Document.FileCode}." +
                      (accepted.NotPreserved is { } problem ? " " + problem : " Đã tạo bản PDF/A để bảo quản.");
        }
        catch (Exception e) when (e is CatalogValidationException or CatalogConflictException or DossierLifecycleException
                                      or CatalogNotFoundException or AccessDeniedException)
        {
            Problem = e.Message;
        }
        Load(id);
        return Page();
    }

    public IActionResult OnPostReject(string id, string reason)
    {
        try
        {
            inbox.Reject(id, [reason], actors.Of(HttpContext));
            Message = "Đã trả lại văn bản; thông báo cho nơi gửi ở dưới.";
        }
        catch (Exception e) when (e is CatalogValidationException or CatalogConflictException or CatalogNotFoundException)
        {
            Problem = e.Message;
        }
        Load(id);
        return Page();
    }

    public static string Status(InboxStatus status) => status switch
    {
        InboxStatus.Accepted => "đã tiếp nhận",
        InboxStatus.Rejected => "đã trả lại",
        _ => "chờ xử lý",
    };

    private void Load(string? id)
    {
        var actor = actors.Of(HttpContext);
        Items = inbox.List(actor, new InboxFilter(StatusFilter, UrgentOnly, Text));
        Selected = id is null ? null : inbox.Item(id, actor);
        Signatures = Selected?.SignatureReport is { } json ? JsonSerializer.Deserialize<SignatureReportJson>(json, ArchiveJson.Options) : null;
        Dossiers = catalog.Dossiers(actor, DossierStatus.Open);
    }
}
