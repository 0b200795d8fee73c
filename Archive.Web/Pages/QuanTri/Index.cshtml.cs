using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.QuanTri;

/// <summary>Quản trị — người dùng: the accounts, and a new one with its one-time password shown once.</summary>
public sealed class IndexModel(AccountService accounts, CatalogService catalog, HttpActor actors) : FormPage
{
    public IReadOnlyList<UserAccount> Users { get; private set; } = [];

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public void OnGet() => Load();

    public IActionResult OnPost(string login, string fullName, string? agency, string? unit, string[] roles) => Attempt(() =>
    {
        var issued = accounts.Create(new NewAccount(login ?? "", fullName ?? "", agency, unit, roles), actors.Of(HttpContext));
        Done = $"Đã tạo tài khoản {issued.Account.Login}. Mật khẩu dùng một lần (chỉ hiện lần này, phải đổi khi đăng nhập lần đầu): " +
               issued.Password;
        Load();
        return Page();
    }, Load);

    private void Load()
    {
        var actor = actors.Of(HttpContext);
        Users = accounts.List(actor);
        Agencies = catalog.Agencies(actor);
    }
}
