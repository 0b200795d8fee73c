using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;

namespace Archive.Web.Hosting;

/// <summary>
/// The one mapping from a request to the <see cref="Actor"/> the services judge: a personal API token (Authorization: Bearer),
/// or the session cookie of a person who signed in; the network zone from the socket's own address. Services never see
/// HttpContext.
/// </summary>
public sealed class HttpActor(AccountService accounts, ArchiveSettings settings)
{
    /// <param name="passwordChange">The request changes the password: allowed while a one-time password waits to be changed.</param>
    public Actor Of(HttpContext http, bool passwordChange = false)
    {
        var (origin, zone) = Where(http);
        var header = http.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return accounts.Authenticate(header["Bearer ".Length..].Trim(), origin, zone);
        if (http.User.Identity is not { IsAuthenticated: true, Name: { } login }) throw new NotSignedInException();
        var session = accounts.Session(login, origin, zone);
        if (session.MustChangePassword && !passwordChange)
            throw new AccessDeniedException("Cần đổi mật khẩu dùng một lần trước khi làm việc khác (trang Đổi mật khẩu).");
        return session.Actor!;
    }

    /// <summary>
    /// The actor of a request that changes something: a browser session must also carry its anti-forgery token (a page of
    /// another site cannot); a token client has no cookie for another site to ride on.
    /// </summary>
    public async Task<Actor> OfFormPostAsync(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        var actor = Of(http);
        if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            await antiforgery.ValidateRequestAsync(http).ConfigureAwait(false);
        return actor;
    }

    public (string Origin, NetworkZone Zone) Where(HttpContext http) =>
        (http.Connection.RemoteIpAddress?.ToString() ?? "?", NetworkZones.Of(http.Connection.RemoteIpAddress, settings.IsolatedNetworks));
}

/// <summary>The request carries no credentials: 401.</summary>
public sealed class NotSignedInException() : Exception("Cần đăng nhập, hoặc gửi mã truy cập cá nhân trong tiêu đề Authorization (Bearer).");
