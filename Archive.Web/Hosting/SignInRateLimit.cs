using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Archive.Web.Hosting;

/// <summary>
/// Sign-in attempts per client address: at most <see cref="ArchiveSettings.SignInAttemptsPerMinute"/> a minute (20 unless set).
/// The lockout protects one account from guessing; this protects the server (each attempt costs a slow password hash) and every
/// account from one client trying many names. Only attempts count: opening the sign-in page does not.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, int perMinute) => services.AddRateLimiter(o =>
    {
        o.AddPolicy(Policy, http => HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "?",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("page"));
        o.OnRejected = (context, _) =>
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.HttpContext.Response.Headers.RetryAfter = "60";
            return new ValueTask(Results.Problem("Quá nhiều lần đăng nhập từ máy này; thử lại sau một phút.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Tạm ngừng đăng nhập").ExecuteAsync(context.HttpContext));
        };
    });
}
