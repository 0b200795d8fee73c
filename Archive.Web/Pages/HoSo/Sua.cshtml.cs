using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages.HoSo;

/// <summary>
/// Sửa hồ sơ: the description of an open dossier. The form carries the revision it was opened at, so that when someone else
/// saved in between the user is told and nothing is overwritten.
/// </summary>
public sealed class SuaModel(CatalogService catalog, HttpActor actors) : PageModel
{
    public Dossier Dossier { get; private set; } = null!;

    public DossierRevision Revision { get; private set; } = null!;

    public DossierForm Form { get; private set; } = null!;

    public string? Stale { get; private set; }

    public void OnGet(string code)
    {
        (Dossier, Revision) = catalog.DossierToEdit(code, actors.Of(HttpContext));
        Form = DossierForm.ForEdit(Dossier);
    }

    public IActionResult OnPost(string code, string revision)
    {
        var actor = actors.Of(HttpContext);
        Form = DossierForm.Posted(Request.Form, DossierForm.Editable);
        try
        {
            var edited = catalog.EditDossier(code, Form.Metadata, DossierRevision.Parse(revision), actor);
            return Redirect($"/ho-so/{Uri.EscapeDataString(edited.FileCode.Value)}");
        }
        catch (CatalogValidationException e)
        {
            Form.Show(e);
        }
        catch (StaleRevisionException e)
        {
            Stale = e.Message;
        }
        // The revision stays the one the user started from, until they reload: a second save is refused the same way.
        Dossier = catalog.DossierToEdit(code, actor).Dossier;
        Revision = DossierRevision.Parse(revision);
        return Page();
    }
}
