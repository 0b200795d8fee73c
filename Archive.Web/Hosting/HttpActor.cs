using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;

namespace Archive.Web.Hosting;

/// <summary>
/// The one mapping from a request to the <see cref="Actor"/> the services judge: a personal API token in the
/// Authorization header (Bearer), and the network zone from the socket's own address. Services never see HttpContext.
/// </summary>
public sealed class HttpActor(AccountService accounts, ArchiveSettings settings)
{
    public Actor Of(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            throw new NotSignedInException();
        var address = http.Connection.RemoteIpAddress;
        return accounts.Authenticate(header["Bearer ".Length..].Trim(), address?.ToString() ?? "?",
            NetworkZones.Of(address, settings.IsolatedNetworks));
    }
}

/// <summary>The request carries no credentials: 401.</summary>
public sealed class NotSignedInException() : Exception("Cần đăng nhập: gửi mã truy cập cá nhân trong tiêu đề Authorization (Bearer).");
