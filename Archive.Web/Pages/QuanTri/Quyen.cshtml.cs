using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.QuanTri;

/// <summary>Quản trị — quyền trên hồ sơ: every grant, a new one (to a user or a unit), and its revocation.</summary>
public sealed class QuyenModel(RightsService rights, AccountService accounts, HttpActor actors) : FormPage
{
    public IReadOnlyList<DossierGrant> Grants { get; private set; } = [];

    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public void OnGet() => Load();

    public IActionResult OnPost(string dossier, string? user, string? unit, string level) => Attempt(() =>
    {
        var grant = rights.Grant(dossier ?? "", Blank(user), Blank(unit), level, actors.Of(HttpContext));
        Done = $"Đã cấp quyền {Permissions.Describe(grant.Level)} trên hồ sơ {grant.FileCode} cho {Grantee.Parse(grant.Grantee).Display}.";
        Load();
        return Page();
    }, Load);

    public IActionResult OnPostRevoke(string id) => Attempt(() =>
    {
        var revoked = rights.Revoke(id, actors.Of(HttpContext));
        Done = $"Đã thu hồi quyền trên hồ sơ {revoked.FileCode} của {Grantee.Parse(revoked.Grantee).Display}.";
        Load();
        return Page();
    }, Load);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Grants = rights.Grants(null, actor);
        Users = accounts.List(actor);
    }
}
