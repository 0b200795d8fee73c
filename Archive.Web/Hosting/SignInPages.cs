using System.Text.Encodings.Web;
using Archive.Core.Access;
using Archive.Core.Application;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Hosting;

/// <summary>
/// The sign-in and password pages, in Vietnamese, without scripts: a form each, protected against cross-site posting. The web
/// workplace's pages are built on the same session.
/// </summary>
public static class SignInPages
{
    public static IEndpointRouteBuilder MapSignInPages(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", (HttpContext http, HttpActor actors) =>
        {
            if (http.User.Identity is not { IsAuthenticated: true }) return Results.Redirect("/dang-nhap");
            var actor = actors.Of(http, passwordChange: true);
            return Page("Trang chủ", $"""
                <p>Xin chào <strong>{Html(actor.Name)}</strong> ({Html(string.Join(", ", actor.Roles.Select(r => r.Name)))}).</p>
                <p><a href="/doi-mat-khau">Đổi mật khẩu</a></p>
                <form method="post" action="/dang-xuat">{Token(http)}<button>Đăng xuất</button></form>
                """);
        });
        endpoints.MapGet("/dang-nhap", (HttpContext http) => SignInForm(http, null));
        endpoints.MapPost("/dang-nhap", async ([FromForm] string login, [FromForm] string password, HttpContext http, HttpActor actors,
            AccountService accounts) =>
        {
            var (origin, zone) = actors.Where(http);
            var result = accounts.SignIn(login, password, origin, zone);
            if (!result.Succeeded) return SignInForm(http, result.Refusal);
            await SignInEndpoints.StartSessionAsync(http, result.Actor!.Name).ConfigureAwait(false);
            return Results.Redirect(result.MustChangePassword ? "/doi-mat-khau" : "/");
        });
        endpoints.MapPost("/dang-xuat", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.Redirect("/dang-nhap");
        });
        endpoints.MapGet("/doi-mat-khau", (HttpContext http) =>
            http.User.Identity is { IsAuthenticated: true } ? PasswordForm(http, null) : Results.Redirect("/dang-nhap"));
        endpoints.MapPost("/doi-mat-khau", ([FromForm] string current, [FromForm(Name = "new")] string next, HttpContext http,
            HttpActor actors, AccountService accounts) =>
        {
            var actor = actors.Of(http, passwordChange: true);
            try
            {
                accounts.ChangePassword(actor.Name, current, next, actor);
            }
            catch (AccountValidationException e)
            {
                return PasswordForm(http, string.Join(" ", e.Problems));
            }
            catch (AccessDeniedException e)
            {
                return PasswordForm(http, e.Message);
            }
            return Results.Redirect("/");
        });
        return endpoints;
    }

    private static IResult SignInForm(HttpContext http, string? problem) => Page("Đăng nhập", $"""
        {Problem(problem)}
        <form method="post" action="/dang-nhap">{Token(http)}
          <label>Tên đăng nhập <input name="login" autocomplete="username" required autofocus></label>
          <label>Mật khẩu <input name="password" type="password" autocomplete="current-password" required></label>
          <button>Đăng nhập</button>
        </form>
        """, problem is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    private static IResult PasswordForm(HttpContext http, string? problem) => Page("Đổi mật khẩu", $"""
        {Problem(problem)}
        <p>Mật khẩu mới dài ít nhất {PasswordPolicy.MinLength} ký tự, có ít nhất ba trong bốn loại: chữ thường, chữ hoa,
        chữ số, ký tự khác.</p>
        <form method="post" action="/doi-mat-khau">{Token(http)}
          <label>Mật khẩu hiện tại <input name="current" type="password" autocomplete="current-password" required></label>
          <label>Mật khẩu mới <input name="new" type="password" autocomplete="new-password" required></label>
          <button>Đổi mật khẩu</button>
        </form>
        """, problem is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    private static string Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{Html(tokens.FormFieldName)}" value="{Html(tokens.RequestToken ?? "")}">""";
    }

    private static string Problem(string? problem) => problem is null ? "" : $"""<p role="alert" class="loi">{Html(problem)}</p>""";

    private static string Html(string text) => HtmlEncoder.Default.Encode(text);

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => Results.Content($"""
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Html(title)} — Lưu trữ điện tử</title>
        <style>body{"{"}font-family:sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem{"}"}
        label{"{"}display:block;margin:.8rem 0{"}"}
        input{"{"}display:block;width:100%;padding:.4rem{"}"} .loi{"{"}color:#a00{"}"}</style></head>
        <body><h1>{Html(title)}</h1>
        {body}
        </body></html>
        """, "text/html; charset=utf-8", statusCode: status);
}
