using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Copies;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Archive.Core.Trust;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Archive.Core;

/// <summary>The Core half of the one composition that the command line and `archive serve` both build.</summary>
public static class ArchiveCoreServices
{
    /// <summary>The application services over a data folder and its restricted collection.</summary>
    /// <param name="store">Opens the data folder when a service first needs it: a command that needs none (verifying a file from
    /// outside) runs without a data folder, and while another process holds it.</param>
    /// <remarks>Both the host and the container may dispose the store and the collection: their disposal is idempotent.</remarks>
    public static IServiceCollection AddArchiveCore(this IServiceCollection services, DataFolder folder, Func<ArchiveStore> store,
        Func<RestrictedCollection> restricted, TimeProvider clock, Serilog.ILogger log)
    {
        services.AddSingleton(folder);
        services.AddSingleton(_ => store());
        services.AddSingleton(_ => restricted());
        services.AddSingleton(clock);
        services.AddSingleton(log);
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<CatalogService>();
        services.AddSingleton<DocumentFiling>();
        services.AddSingleton<DocumentContent>();
        services.AddSingleton<RecordsInbox>();
        services.AddSingleton<AccountService>();
        services.AddSingleton<ArchiveSetup>();
        services.AddSingleton<WorkplaceHome>();
        services.AddSingleton<DocumentView>();
        services.AddSingleton<IncomingRegister>();
        services.AddSingleton<OutgoingRegister>();
        services.AddSingleton<ExchangeStatistics>();
        services.AddSingleton<RightsService>();
        services.TryAddSingleton(CopyApproval.Leaders);
        services.AddSingleton<CopyService>();
        services.AddSingleton<TransferService>();
        services.AddSingleton<DisposalService>();
        services.AddSingleton<ProcessingService>();
        services.AddSingleton<IssuingService>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<PreservationJobs>();
        services.AddSingleton<TrustFolder>();
        // Needs the archive index port, which the search part registers (AddArchiveSearch).
        services.AddSingleton<ArchiveIndexing>();
        return services;
    }
}
