using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages.HoSo;

/// <summary>A dossier page: its record and its documents in order, for those who may read it; edit, close and reopen
/// for its managers.</summary>
public sealed class ChiTietModel(CatalogService catalog, HttpActor actors) : FormPage
{
    public DossierDetails Details { get; private set; } = null!;

    public bool Manages { get; private set; }

    public void OnGet(string code) => Load(code);

    public IActionResult OnPostClose(string code) => Change(code, actor => catalog.CloseDossier(code, actor));

    public IActionResult OnPostReopen(string code, string? reason) =>
        Change(code, actor => catalog.ReopenDossier(code, reason ?? "", actor));

    private IActionResult Change(string code, Func<Core.Audit.Actor, Dossier> change) => Attempt(
        () => Redirect($"/ho-so/{Uri.EscapeDataString(change(actors.Of(HttpContext)).FileCode.Value)}"), () => Load(code));

    private void Load(string code)
    {
        var actor = actors.Of(HttpContext);
        Details = catalog.Dossier(code, actor);
        Manages = catalog.Allows(actor, Details.Dossier, Operation.DossierManage);
    }
}
