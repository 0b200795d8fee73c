using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Tiếp nhận văn bản: files sent from the browser (with a progress bar each) to POST /api/v1/inbox.</summary>
public sealed class TiepNhanModel(CatalogService catalog, HttpActor actors) : PageModel
{
    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];

    public void OnGet() => Dossiers = catalog.Dossiers(actors.Of(HttpContext), DossierStatus.Open);
}
