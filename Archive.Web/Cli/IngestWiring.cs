using System.Text.Json;
using Archive.Core.Application;
using Archive.Ingest.Conversion;
using Archive.Ingest.Intake;
using Archive.Ingest.Pipeline;
using Archive.Ingest.Signatures;
using Archive.Web.Hosting;

namespace Archive.Web.Cli;

/// <summary>
/// The ingest services of a data folder, composed once for every way files arrive (the command
/// line, the watched inbox folder, the demo): checks, inbox, PDF/A preservation, search index.
/// </summary>
public static class IngestWiring
{
    /// <param name="agencyPolicyForEverything">The agency signature policy for every file, not only envelopes from other agencies.</param>
    public static async Task<IngestBatch> BatchAsync(CliContext context, bool agencyPolicyForEverything, CancellationToken cancellationToken) =>
        new(await PipelineAsync(context, agencyPolicyForEverything, cancellationToken).ConfigureAwait(false), Inbox(context),
            new SearchIndexUpdate(context), context.Log);

    /// <summary>The ingest pipeline of this data folder: checks (format, metadata, signatures), inbox, PDF/A preservation.</summary>
    public static async Task<IngestPipeline> PipelineAsync(CliContext context, bool agencyPolicyForEverything, CancellationToken cancellationToken)
    {
        var trust = await TrustStore.LoadAsync(context.Folder.TrustAnchors, context.Folder.TrustCrls, cancellationToken).ConfigureAwait(false);
        var signatures = new SignatureCheck(new DocumentVerifier(trust, ValidationPolicy.Basic, context.Clock, context.Log),
            new DocumentVerifier(trust, ValidationPolicy.Agency, context.Clock, context.Log), agencyPolicyForEverything,
            (report, name) => JsonSerializer.Serialize(VerifyJson.From(report, name), CliOutput.JsonOptions));
        var safety = new PdfSafetyCheck(new Qpdf(new ToolRunner(context.Log), Conversion(context)));
        return new IngestPipeline([new FormatCheck(), safety, new MetadataCheck(context.Clock), signatures], Inbox(context), Preservation(context),
            context.Store.Crash, context.Clock, context.Log);
    }

    /// <summary>PDF/A preservation copies for this data folder's documents; disposing stops its converters.</summary>
    public static DocumentPreservation Preservation(CliContext context) =>
        new(new PreservationCopyConverter(Conversion(context), context.Log), context.Catalog.StoreOf,
            context.Clock, context.Log);

    /// <summary>The watched inbox folder of Archive:Ingest:* (WatchFolder, WatchDossier, WatchIntervalSeconds, WatchSettleSeconds); null when none is set.</summary>
    /// <param name="folder">The folder given on the command line, over the configured one.</param>
    /// <param name="dossier">The dossier given on the command line, over the configured one.</param>
    public static WatchFolderOptions? WatchFolder(ArchiveSettings settings, string? folder = null, string? dossier = null)
    {
        var section = settings.Configuration.GetSection("Archive:Ingest");
        if ((folder ?? section["WatchFolder"]) is not { Length: > 0 } path) return null;
        return new WatchFolderOptions(Path.GetFullPath(path), dossier ?? section["WatchDossier"],
            Seconds(section, "WatchIntervalSeconds") ?? WatchFolderOptions.DefaultPollInterval,
            Seconds(section, "WatchSettleSeconds") ?? WatchFolderOptions.DefaultSettle);
    }

    public static async Task<WatchedInbox> WatchedInboxAsync(CliContext context, WatchFolderOptions options, bool agencyPolicyForEverything,
        CancellationToken cancellationToken) =>
        new(options, await BatchAsync(context, agencyPolicyForEverything, cancellationToken).ConfigureAwait(false), Inbox(context),
            context.Store.Crash, context.Actor, context.Clock, context.Log);

    public static RecordsInbox Inbox(CliContext context) => new(context.Store, context.Clock, context.Restricted, context.Policy);

    private static TimeSpan? Seconds(IConfiguration section, string key) =>
        double.TryParse(section[key], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : section[key] is { Length: > 0 } text
                ? throw new UserInputException($"Archive:Ingest:{key} phải là số giây, không phải '{text}'.")
                : null;

    /// <summary>Converter programs and limits; Archive:Conversion:* in configuration overrides them.</summary>
    private static ConversionOptions Conversion(CliContext context)
    {
        var section = context.Settings.Configuration.GetSection("Archive:Conversion");
        var defaults = new ConversionOptions();
        return defaults with
        {
            Ghostscript = section["Ghostscript"] ?? defaults.Ghostscript,
            LibreOffice = section["LibreOffice"] ?? defaults.LibreOffice,
            OcrMyPdf = section["OcrMyPdf"] ?? defaults.OcrMyPdf,
        };
    }
}
