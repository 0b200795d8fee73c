using Archive.Core.Application;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages.HoSo;

/// <summary>A dossier page: its record and its documents in order, for those who may read it.</summary>
public sealed class ChiTietModel(CatalogService catalog, HttpActor actors) : PageModel
{
    public DossierDetails Details { get; private set; } = null!;

    public void OnGet(string code) => Details = catalog.Dossier(code, actors.Of(HttpContext));
}
