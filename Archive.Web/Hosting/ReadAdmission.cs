using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Archive.Web.Hosting;

/// <summary>
/// The document page and the document's API take turns: as many at once as <see cref="ArchiveSettings.ConcurrentReads"/> (the
/// machine's cores unless set), the others wait in the order they came, holding no thread. Thirty-two at once on two cores each
/// waited for the catalog, whose reads take turns, on a thread of its own, and starved the thread pool. bench/web.sh, 100,000
/// documents, 32 clients on 2 cores: the document page p99 112–176 ms before, 19–30 ms after (bench rounds). Searches take
/// turns inside the search service instead (SearchAdmission): there only the search itself waits, which measured quicker.
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
