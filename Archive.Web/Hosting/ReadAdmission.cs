using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Archive.Web.Hosting;

/// <summary>
/// The reads that are work for the processor (a search, a document page) take turns: as many at once as
/// <see cref="ArchiveSettings.ConcurrentReads"/> (the machine's cores unless set), the others wait in the order they came,
/// holding no thread. Thirty-two at once on two cores each took sixteen times as long, the dearest longest, and the threads
/// that waited for the catalog (whose reads take turns anyway) starved the thread pool. bench/web.sh, 100,000 documents,
/// 32 clients on 2 cores: a search new each time p99 340–430 ms before, 92–107 ms after; the document page p99 112–176 ms
/// before, 22–24 ms after, with more pages a second (1,800 → 2,100).
/// </summary>
public static class ReadAdmission
{
    public const string Policy = "reads";

    public static IServiceCollection AddReadAdmission(this IServiceCollection services, int permits) => services.AddRateLimiter(o =>
        o.AddConcurrencyLimiter(Policy, limiter =>
        {
            limiter.PermitLimit = permits;
            limiter.QueueLimit = int.MaxValue;
            limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        }));
}
