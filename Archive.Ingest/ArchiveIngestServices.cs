using Archive.Core.Application;
using Archive.Ingest.Conversion;
using Archive.Ingest.Copies;
using Archive.Ingest.Disposal;
using Archive.Ingest.Issuing;
using Archive.Ingest.Pipeline;
using Archive.Ingest.Records;
using Archive.Ingest.Signatures;
using Archive.Ingest.Signing;
using Archive.Ingest.Transfers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog;

namespace Archive.Ingest;

/// <summary>
/// The Ingest part of the one composition: receiving, preservation copies (the container owns the converters), verification.
/// </summary>
public static class ArchiveIngestServices
{
    public static IServiceCollection AddArchiveIngest(this IServiceCollection services, ConversionOptions conversion)
    {
        services.AddSingleton(conversion);
        services.AddSingleton(sp => new DocumentPreservation(
            new PreservationCopyConverter(conversion, sp.GetRequiredService<ILogger>()), sp.GetRequiredService<CatalogService>().StoreOf,
            sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger>()));
        services.AddSingleton<DocumentReception>();
        services.AddSingleton<SignatureVerification>();
        services.AddSingleton<StoredDocumentVerification>();
        services.AddSingleton<DocumentSigning>();
        services.TryAddSingleton(CopyIssuingOptions.Default);
        services.AddSingleton<CopyIssuing>();
        services.AddSingleton<BagVerifier>();
        services.AddSingleton<TransferExport>();
        services.AddSingleton<TransferImport>();
        services.AddSingleton<AgencyRecordSigner>();
        services.AddSingleton<DossierDestruction>();
        services.TryAddSingleton(sp => OutgoingExchange.In(sp.GetRequiredService<Archive.Core.Storage.DataFolder>()));
        services.AddSingleton<OutgoingIssuing>();
        services.AddSingleton<RegisterPrint>();
        return services;
    }
}
