using Archive.Core.Application;
using Archive.Core.Transfers;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Nộp lưu: the dossiers due (or overdue) for the agency archive, the historical archive, or review, for archivists.</summary>
public sealed class NopLuuModel(TransferService transfers, HttpActor actors) : PageModel
{
    public int Days { get; private set; }

    public IReadOnlyList<TransferDue> Due { get; private set; } = [];

    public void OnGet(int? ngay)
    {
        Days = Math.Clamp(ngay ?? 30, 0, 3650);
        Due = transfers.Due(actors.Of(HttpContext), Days);
    }
}
