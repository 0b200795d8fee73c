using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages.HoSo;

/// <summary>Lập hồ sơ: the TT 02 fields of a new dossier; what the catalog refuses is shown beside the field it names.</summary>
public sealed class MoiModel(CatalogService catalog, HttpActor actors, TimeProvider clock) : PageModel
{
    public DossierForm Form { get; private set; } = null!;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public void OnGet()
    {
        var actor = actors.Of(HttpContext);
        Agencies = catalog.AgenciesForNewDossiers(actor);
        Form = DossierForm.ForNew(actor.Agency ?? Agencies.FirstOrDefault()?.Code, clock.GetLocalNow().Year, actor.Name);
    }

    public IActionResult OnPost()
    {
        var actor = actors.Of(HttpContext);
        Agencies = catalog.AgenciesForNewDossiers(actor);
        Form = DossierForm.Posted(Request.Form, DossierForm.NewFields);
        try
        {
            var dossier = catalog.CreateDossier(Form.Metadata, actor);
            return Redirect($"/ho-so/{Uri.EscapeDataString(dossier.FileCode.Value)}");
        }
        catch (CatalogValidationException e)
        {
            Form.Show(e);
        }
        catch (CatalogConflictException e)
        {
            Form.Problems.Add(e.Message);
        }
        return Page();
    }
}
