using System.Runtime.CompilerServices;
using System.Text.Json;
using Archive.Core;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Archive.Ingest.Conversion;
using Archive.Ingest.Intake;
using Archive.Ingest.Signatures;
using Serilog;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// Receiving documents (tiếp nhận), the use cases as the command line, the web and the watched folder call them: a batch of
/// files through the checks, the inbox, filing, PDF/A and the index; accepting an item from the inbox (file + PDF/A +
/// index); the watched folder. The trust folder is read at each call, so an anchor just added counts at once.
/// </summary>
public sealed class DocumentReception(ArchiveStore store, RecordsInbox inbox, DocumentPreservation preservation, ArchiveIndexing indexing,
    ConversionOptions conversion, TimeProvider clock, ILogger log)
{
    /// <param name="agencyPolicyForEverything">The agency signature policy for every file, not only envelopes from other agencies.</param>
    public async IAsyncEnumerable<IngestedFile> IngestAsync(IReadOnlyList<IngestRequest> files, bool agencyPolicyForEverything, Actor actor,
        IProgress<string> progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        inbox.EnsureMayReceive(actor);
        var batch = await BatchAsync(agencyPolicyForEverything, cancellationToken).ConfigureAwait(false);
        await foreach (var file in batch.RunAsync(files, actor, progress, cancellationToken).ConfigureAwait(false)) yield return file;
    }

    /// <summary>Files a pending item into a dossier with its arrival number, makes its PDF/A copy and indexes it.</summary>
    public async Task<InboxAcceptance> AcceptAsync(string itemId, string dossierCode, Tt02Metadata? corrections, Actor actor,
        CancellationToken cancellationToken)
    {
        var (item, document, arrival) = await inbox.AcceptAsync(itemId, dossierCode, corrections, actor, cancellationToken)
            .ConfigureAwait(false);
        var notPreserved = await preservation.PreserveAcceptedAsync(inbox, item, document, actor, cancellationToken).ConfigureAwait(false);
        var notIndexed = await indexing.AddAsync([document.Id], cancellationToken).ConfigureAwait(false);
        return new InboxAcceptance(item, document, arrival, notPreserved, notIndexed);
    }

    /// <summary>The watched inbox folder, receiving as <paramref name="actor"/>.</summary>
    public async Task<WatchedInbox> WatchAsync(WatchFolderOptions options, bool agencyPolicyForEverything, Actor actor,
        CancellationToken cancellationToken)
    {
        inbox.EnsureMayReceive(actor);
        return new WatchedInbox(options, await BatchAsync(agencyPolicyForEverything, cancellationToken).ConfigureAwait(false), inbox,
            store.Crash, actor, clock, log);
    }

    private async Task<IngestBatch> BatchAsync(bool agencyPolicyForEverything, CancellationToken cancellationToken)
    {
        var trust = await TrustStore.LoadAsync(store.Folder.TrustAnchors, store.Folder.TrustCrls, cancellationToken).ConfigureAwait(false);
        var signatures = new SignatureCheck(new DocumentVerifier(trust, ValidationPolicy.Basic, clock, log),
            new DocumentVerifier(trust, ValidationPolicy.Agency, clock, log), agencyPolicyForEverything,
            (report, name) => JsonSerializer.Serialize(SignatureReportJson.From(report, name), ArchiveJson.Options));
        var safety = new PdfSafetyCheck(new Qpdf(new ToolRunner(log), conversion));
        var pipeline = new IngestPipeline([new FormatCheck(), safety, new MetadataCheck(clock), signatures], inbox, preservation,
            store.Crash, clock, log);
        return new IngestBatch(pipeline, inbox, indexing, log);
    }
}
