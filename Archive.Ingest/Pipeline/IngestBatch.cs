using System.Globalization;
using System.Runtime.CompilerServices;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Indexing;
using Serilog;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// Several received files through the pipeline, as `archive ingest` and the watched inbox folder both
/// run them: first what a crash left half-done in the inbox is finished (once per <see cref="RecoveryGate"/>: once per
/// process when the batches share one), then the files go through in
/// parallel, their results come back in the order given, and the documents accepted are indexed
/// together at the end. Four documents per core are in flight: while some wait on the disk or on short
/// inspection tools, others convert; Ghostscript itself runs at most once per core (see GhostscriptPool).
/// </summary>
public sealed class IngestBatch(IngestPipeline pipeline, RecordsInbox inbox, ArchiveIndexing index, ILogger log, int parallelism = 0,
    RecoveryGate? recovery = null)
{
    private readonly RecoveryGate _recovery = recovery ?? new RecoveryGate();
    private readonly ILogger _log = log.ForContext<IngestBatch>();
    private readonly int _parallelism = parallelism > 0 ? parallelism : 4 * Environment.ProcessorCount;

    /// <summary>Each file's result as soon as it and every file before it are done.</summary>
    public async IAsyncEnumerable<IngestedFile> RunAsync(IReadOnlyList<IngestRequest> files, Actor actor, IProgress<string> progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _recovery.RunOnceAsync(() => ResumeAsync(actor, progress, cancellationToken), cancellationToken).ConfigureAwait(false);
        using var slots = new SemaphoreSlim(_parallelism);
        var running = files.Select(file => IngestAsync(file, slots, actor, cancellationToken)).ToList();
        var accepted = new List<string>();
        for (var i = 0; i < running.Count; i++)
        {
            var outcomes = await running[i].ConfigureAwait(false);
            accepted.AddRange(outcomes.Where(o => o.Status == IngestOutcome.Accepted).Select(o => o.Id).OfType<string>());
            yield return new IngestedFile(files[i], outcomes);
            if (files.Count > 1)
                progress.Report(string.Create(CultureInfo.InvariantCulture, $"Đã xử lý {i + 1}/{files.Count} tệp."));
        }
        if (files.Count > 0)
            _log.Information("Ingested {Files} files, {Accepted} documents accepted", files.Count, accepted.Count);
        if (await index.AddAsync(accepted, cancellationToken).ConfigureAwait(false) is { } warning) progress.Report($"Cảnh báo: {warning}");
    }

    /// <summary>
    /// Finishes what an interrupted run left: files the pending inbox items it had checked and meant for a dossier,
    /// then makes the preservation copies of documents it filed but did not convert.
    /// </summary>
    private async Task ResumeAsync(Actor actor, IProgress<string> progress, CancellationToken cancellationToken)
    {
        foreach (var (item, document, arrival) in await inbox.ResumeAsync(actor, cancellationToken).ConfigureAwait(false))
        {
            _log.Warning("Resumed inbox item {InboxItem} ({File}) left pending by an interrupted run: filed as {DocumentId}", item.Id,
                item.SourceName, document.Id);
            await Index(document.Id, progress, cancellationToken).ConfigureAwait(false);
            progress.Report($"Đã hoàn tất văn bản dở dang {item.SourceName}: số đến {arrival.Number}, hồ sơ {document.FileCode}.");
        }
        foreach (var (item, document, problem) in await pipeline.PreserveBacklogAsync(actor, cancellationToken).ConfigureAwait(false))
        {
            _log.Warning("Made the preservation copy of {DocumentId} ({File}) that an interrupted run left unmade: {Problem}", document.Id,
                item.SourceName, problem ?? "done");
            await Index(document.Id, progress, cancellationToken).ConfigureAwait(false);
            progress.Report(problem is null
                ? $"Đã tạo bản PDF/A còn thiếu của văn bản {item.SourceName} (hồ sơ {document.FileCode})."
                : $"Văn bản {item.SourceName} (hồ sơ {document.FileCode}): {problem}");
        }
    }

    private async Task Index(string documentId, IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (await index.AddAsync([documentId], cancellationToken).ConfigureAwait(false) is { } warning)
            progress.Report($"Cảnh báo: {warning}");
    }

    private async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IngestRequest file, SemaphoreSlim slots, Actor actor,
        CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await pipeline.IngestAsync(file.Path, file.Metadata, file.DossierCode, actor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }
}
