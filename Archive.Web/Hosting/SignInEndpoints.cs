using System.Security.Claims;
using Archive.Core.Access;
using Archive.Core.Application;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;

namespace Archive.Web.Hosting;

/// <summary>
/// Signing in and out, and changing one's password: as JSON under /api/v1/auth for clients, and as two small pages
/// (/dang-nhap, /doi-mat-khau) for people until the workplace's own pages take over. The checks (lockout, the password
/// policy, the forced change of a one-time password) are the account service's.
/// </summary>
public static class SignInEndpoints
{
    public sealed record SignInRequest(string Login, string Password);

    public sealed record PasswordChange(string Current, string New);

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/auth");
        api.MapPost("/sign-in", async (SignInRequest body, HttpContext http, HttpActor actors, AccountService accounts) =>
        {
            var (origin, zone) = actors.Where(http);
            var result = accounts.SignIn(body.Login, body.Password, origin, zone);
            if (!result.Succeeded)
                return Results.Problem(result.Refusal, statusCode: StatusCodes.Status401Unauthorized, title: "Đăng nhập không thành công");
            await StartSessionAsync(http, result.Actor!.Name).ConfigureAwait(false);
            return Results.Ok(new { login = result.Actor.Name, mustChangePassword = result.MustChangePassword });
        }).RequireRateLimiting(SignInRateLimit.Policy);
        api.MapPost("/sign-out", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
            return Results.NoContent();
        });
        api.MapPost("/password", (PasswordChange body, HttpContext http, HttpActor actors, AccountService accounts) =>
        {
            var actor = actors.Of(http, passwordChange: true);
            accounts.ChangePassword(actor.Name, body.Current, body.New, actor);
            return Results.NoContent();
        });
        endpoints.MapGet("/api/v1/me", (HttpContext http, HttpActor actors, AccountService accounts) =>
        {
            var actor = actors.Of(http, passwordChange: true);
            var account = accounts.Show(actor.Name, actor);
            return Results.Ok(new
            {
                account.Login, account.FullName, agency = account.Agency?.Value, account.Unit, roles = account.Roles,
                zone = actor.Zone.ToString(), account.MustChangePassword,
            });
        });
        return endpoints;
    }

    internal static Task StartSessionAsync(HttpContext http, string login) =>
        http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, login)],
                CookieAuthenticationDefaults.AuthenticationScheme)));

    /// <summary>The session cookie: not readable by scripts, sent only to this site, expiring after a working day without use.</summary>
    public static IServiceCollection AddArchiveSessions(this IServiceCollection services, string keysFolder)
    {
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(keysFolder)).SetApplicationName("archive");
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "archive.session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.LoginPath = "/dang-nhap";
        });
        services.AddAntiforgery();
        return services;
    }
}
