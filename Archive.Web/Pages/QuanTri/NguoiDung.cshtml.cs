using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.QuanTri;

/// <summary>One account: who the user is in the agency, disable or enable, unlock, a new one-time password, and their API tokens.</summary>
public sealed class NguoiDungModel(AccountService accounts, CatalogService catalog, HttpActor actors) : FormPage
{
    public UserAccount Account { get; private set; } = null!;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public void OnGet(string login) => Load(login);

    public IActionResult OnPostSave(string login, string fullName, string? agency, string? unit, string[] roles) =>
        Change(login, (actor, name) =>
        {
            accounts.Update(name, fullName ?? "", agency ?? "", unit ?? "", roles, actor);
            return "Đã lưu thay đổi.";
        });

    public IActionResult OnPostDisable(string login) => Change(login, (actor, name) =>
        $"Đã vô hiệu hoá tài khoản {accounts.Disable(name, actor).Login}.");

    public IActionResult OnPostEnable(string login) => Change(login, (actor, name) =>
        $"Đã kích hoạt lại tài khoản {accounts.Enable(name, actor).Login}.");

    public IActionResult OnPostUnlock(string login) => Change(login, (actor, name) =>
        $"Đã mở khoá tài khoản {accounts.Unlock(name, actor).Login}.");

    public IActionResult OnPostReset(string login) => Change(login, (actor, name) =>
        $"Mật khẩu dùng một lần mới (chỉ hiện lần này, phải đổi khi đăng nhập): {accounts.ResetPassword(name, actor).Password}");

    public IActionResult OnPostRevoke(string login, string id) => Change(login, (actor, _) =>
        $"Đã thu hồi mã truy cập {accounts.RevokeToken(id, actor).Name}.");

    private IActionResult Change(string login, Func<Core.Audit.Actor, string, string> change) => Attempt(() =>
    {
        Done = change(actors.Of(HttpContext), login);
        Load(login);
        return Page();
    }, () => Load(login));

    private void Load(string login)
    {
        var actor = actors.Of(HttpContext);
        Account = accounts.Show(login, actor);
        Agencies = catalog.Agencies(actor);
        Tokens = accounts.Tokens(login, actor);
    }
}
