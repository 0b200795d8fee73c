using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages;

/// <summary>Mã truy cập: one's own personal API tokens; a new token's secret is shown once, on the answer that made it.</summary>
public sealed class MaTruyCapModel(AccountService accounts, HttpActor actors) : FormPage
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? Secret { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPost(string name, string[] scopes, int? days) => Attempt(() =>
    {
        var issued = accounts.CreateToken(name ?? "", scopes, days ?? AccountService.DefaultTokenDays, actors.Of(HttpContext));
        Secret = issued.Secret;
        Load();
        return Page();
    }, Load);

    public IActionResult OnPostRevoke(string id) => Attempt(() =>
    {
        Done = $"Đã thu hồi mã truy cập {accounts.RevokeToken(id, actors.Of(HttpContext)).Name}.";
        Load();
        return Page();
    }, Load);

    private void Load() => Tokens = accounts.Tokens(null, actors.Of(HttpContext));
}
