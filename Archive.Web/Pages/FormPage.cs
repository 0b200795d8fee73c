using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Trust;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// A page with forms: what the user can fix (a wrong value, a name already taken) comes back as a message above the form, with
/// what was typed kept; a refusal of rights is left to the 403 page.
/// </summary>
public abstract class FormPage : PageModel
{
    public string? Problem { get; protected set; }

    /// <summary>What a change left to show once: a one-time password, a token's secret, a confirmation.</summary>
    public string? Done { get; protected set; }

    protected IActionResult Attempt(Func<IActionResult> change, Action reload)
    {
        try
        {
            return change();
        }
        catch (Exception e) when (e is AccountValidationException or CatalogValidationException or CatalogConflictException
                                       or CatalogNotFoundException or InvalidRequestException or TrustMaterialException
                                       or MetadataFormatException or DossierLifecycleException)
        {
            Problem = e.Message;
            reload();
            return Page();
        }
    }
}
