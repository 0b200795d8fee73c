using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Microsoft.AspNetCore.Antiforgery;

namespace Archive.Web.Hosting;

/// <summary>
/// Accounts (Quản trị) and one's own API tokens over HTTP. An answer never carries a password hash or a token digest; a one-time
/// password or a token's secret only in the answer that made it.
/// </summary>
public static class AccountEndpoints
{
    public sealed record NewUser(string Login, string FullName, string? Agency, string? Unit, IReadOnlyList<string> Roles);

    /// <summary>What is left out stays as it is; an empty unit clears it.</summary>
    public sealed record UserChange(string? FullName, string? Agency, string? Unit, IReadOnlyList<string>? Roles);

    public sealed record NewToken(string Name, IReadOnlyList<string> Scopes, int? Days);

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/api/v1/users");
        users.MapGet("/", (HttpContext http, HttpActor actors, AccountService accounts) =>
            accounts.List(actors.Of(http)).Select(a => AccountSummary.Of(a)));
        users.MapGet("/{login}", (string login, HttpContext http, HttpActor actors, AccountService accounts) =>
            AccountSummary.Of(accounts.Show(login, actors.Of(http))));
        users.MapPost("/", async (NewUser body, HttpContext http, HttpActor actors, IAntiforgery antiforgery, AccountService accounts) =>
        {
            var issued = accounts.Create(new NewAccount(body.Login, body.FullName, body.Agency, body.Unit, body.Roles),
                await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
            return Results.Created($"/api/v1/users/{issued.Account.Login}", AccountSummary.Of(issued.Account, issued.Password));
        }).DisableAntiforgery();
        users.MapPatch("/{login}", async (string login, UserChange body, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            AccountService accounts) => AccountSummary.Of(accounts.Update(login, body.FullName, body.Agency, body.Unit, body.Roles,
            await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false)))).DisableAntiforgery();
        foreach (var (path, change) in new (string, Func<AccountService, string, Actor, IssuedPassword>)[]
                 {
                     ("disable", (a, login, actor) => new IssuedPassword(a.Disable(login, actor), null)),
                     ("enable", (a, login, actor) => new IssuedPassword(a.Enable(login, actor), null)),
                     ("unlock", (a, login, actor) => new IssuedPassword(a.Unlock(login, actor), null)),
                     ("reset-password", (a, login, actor) => a.ResetPassword(login, actor)),
                 })
            users.MapPost($"/{{login}}/{path}", async (string login, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
                AccountService accounts) =>
            {
                var issued = change(accounts, login, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
                return AccountSummary.Of(issued.Account, issued.Password);
            }).DisableAntiforgery();

        var tokens = endpoints.MapGroup("/api/v1/tokens");
        tokens.MapGet("/", (string? user, HttpContext http, HttpActor actors, AccountService accounts) =>
            accounts.Tokens(user, actors.Of(http)).Select(t => TokenSummary.Of(t)));
        tokens.MapPost("/", async (NewToken body, HttpContext http, HttpActor actors, IAntiforgery antiforgery, AccountService accounts) =>
        {
            var issued = accounts.CreateToken(body.Name, body.Scopes, body.Days ?? AccountService.DefaultTokenDays,
                await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false));
            return Results.Created($"/api/v1/tokens/{issued.Token.Id}", TokenSummary.Of(issued.Token, issued.Secret));
        }).DisableAntiforgery();
        tokens.MapDelete("/{id}", async (string id, HttpContext http, HttpActor actors, IAntiforgery antiforgery,
            AccountService accounts) =>
            TokenSummary.Of(accounts.RevokeToken(id, await actors.OfFormPostAsync(http, antiforgery).ConfigureAwait(false))))
            .DisableAntiforgery();
        return endpoints;
    }
}
