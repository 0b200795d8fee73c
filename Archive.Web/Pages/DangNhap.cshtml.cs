using Archive.Core.Application;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Đăng nhập: the account service judges the password and the lockout; a one-time password leads to Đổi mật khẩu.</summary>
public sealed class DangNhapModel(AccountService accounts, HttpActor actors) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Login { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string login, string password)
    {
        var (origin, zone) = actors.Where(HttpContext);
        var result = accounts.SignIn(login, password, origin, zone);
        if (!result.Succeeded)
        {
            (Login, Problem) = (login, result.Refusal);
            return Page();
        }
        await SignInEndpoints.StartSessionAsync(HttpContext, result.Actor!.Name).ConfigureAwait(false);
        // Only a path of this site: never an open redirect.
        return result.MustChangePassword ? Redirect("/doi-mat-khau") : LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
