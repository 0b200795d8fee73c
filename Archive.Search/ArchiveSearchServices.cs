using Archive.Core.Indexing;
using Microsoft.Extensions.DependencyInjection;

namespace Archive.Search;

/// <summary>The Search part of the one composition: the index the host holds (the archive index port), search and reindex.</summary>
public static class ArchiveSearchServices
{
    public static IServiceCollection AddArchiveSearch(this IServiceCollection services)
    {
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<IArchiveIndex>(sp => sp.GetRequiredService<SearchIndex>());
        services.AddSingleton<SearchAdmission>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<RestrictedSearch>();
        services.AddSingleton<IndexRebuild>();
        services.AddSingleton<IndexFeed>();
        return services;
    }
}
