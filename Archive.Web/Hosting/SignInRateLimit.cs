using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Archive.Web.Hosting;

/// <summary>
/// Sign-in attempts per client address: at most 20 a minute. The lockout protects one account from guessing; this protects
/// the server (each attempt costs a slow password hash) and every account from one client trying many names.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "?",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        o.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return new ValueTask(Results.Problem("Quá nhiều lần đăng nhập từ máy này; thử lại sau một phút.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Tạm ngừng đăng nhập").ExecuteAsync(context.HttpContext));
        };
    });
}
