using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Đổi mật khẩu: the only page open while a one-time password waits to be changed.</summary>
public sealed class DoiMatKhauModel(AccountService accounts, HttpActor actors) : PageModel
{
    public bool MustChange { get; private set; }

    public string? Problem { get; private set; }

    public void OnGet()
    {
        var actor = actors.Of(HttpContext, passwordChange: true);
        MustChange = accounts.Show(actor.Name, actor).MustChangePassword;
    }

    public IActionResult OnPost(string current, [FromForm(Name = "new")] string next)
    {
        var actor = actors.Of(HttpContext, passwordChange: true);
        try
        {
            accounts.ChangePassword(actor.Name, current, next, actor);
            return Redirect("/");
        }
        catch (Exception e) when (e is AccountValidationException or AccessDeniedException)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }
}
