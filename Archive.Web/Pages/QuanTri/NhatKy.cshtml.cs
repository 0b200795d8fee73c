using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages.QuanTri;

/// <summary>Quản trị — nhật ký: the audit log, newest first, a hundred entries a page.</summary>
public sealed class NhatKyModel(AuditLog audit, HttpActor actors) : PageModel
{
    public const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public void OnGet(long? before) => Entries = audit.Latest(actors.Of(HttpContext), before, PageSize);
}
