using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Storage;
using Archive.Core.Trust;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Core;

/// <summary>The Core half of the one composition that the command line and `archive serve` both build.</summary>
public static class ArchiveCoreServices
{
    /// <summary>The application services over an opened data folder and its restricted collection.</summary>
    /// <remarks>The host owns (and disposes) the store and the collection; the container only hands them out.</remarks>
    public static IServiceCollection AddArchiveCore(this IServiceCollection services, ArchiveStore store, RestrictedCollection restricted,
        TimeProvider clock, Serilog.ILogger log)
    {
        services.AddSingleton(store);
        services.AddSingleton(restricted);
        services.AddSingleton(clock);
        services.AddSingleton(log);
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<DocumentFiling>();
        services.AddSingleton<DocumentContent>();
        services.AddSingleton<RecordsInbox>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<RightsService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PreservationJobs>();
        services.AddSingleton<TrustFolder>();
        return services;
    }
}
