using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages.HoSo;

/// <summary>Danh mục hồ sơ: phông → năm → hồ sơ, only the dossiers the user may see.</summary>
public sealed class IndexModel(CatalogService catalog, HttpActor actors) : PageModel
{
    public IReadOnlyList<Dossier> Dossiers { get; private set; } = [];

    public bool MayCreate { get; private set; }

    public void OnGet()
    {
        var actor = actors.Of(HttpContext);
        Dossiers = catalog.Dossiers(actor);
        MayCreate = catalog.Allows(actor, Operation.DossierCreate);
    }
}
