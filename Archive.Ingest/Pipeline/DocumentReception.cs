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
    ConversionOptions conversion, TimeProvider clock, ILogger log) : IDisposable
{
    // Shared by every batch of this process: uploads running side by side never resume each other's live items.
    private readonly RecoveryGate _recovery = new();

    /// <param name="agencyPolicyForEverything">The agency signature policy for every file, not only envelopes from other agencies.</param>
    public async IAsyncEnumerable<IngestedFile> IngestAsync(IReadOnlyList<IngestRequest> files, bool agencyPolicyForEverything, Actor actor,
        IProgress<string> progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        inbox.EnsureMayReceive(actor);
        var batch = await BatchAsync(agencyPolicyForEverything, cancellationToken).ConfigureAwait(false);
        await foreach (var file in batch.RunAsync(files, actor, progress, cancellationToken).ConfigureAwait(false)) yield return file;
    }

    /// <summary>
    /// Files sent over the web: each is written to a private folder under its own name (stripped of any path), then received
    /// like files on disk; the folder is removed afterwards. The inbox keeps every original.
    /// </summary>
    public async Task<IReadOnlyList<IngestedFile>> IngestUploadsAsync(IReadOnlyList<Upload> uploads, Func<string, Tt02Metadata> metadata,
        string? dossierCode, Actor actor, CancellationToken cancellationToken)
    {
        inbox.EnsureMayReceive(actor);
        var folder = Directory.CreateTempSubdirectory("archive-upload-").FullName;
        try
        {
            var requests = new List<IngestRequest>();
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var upload in uploads)
            {
                var name = SafeName(upload.FileName, requests.Count, used);
                var path = Path.Combine(folder, name);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                    await upload.Content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
                requests.Add(new IngestRequest(path, metadata(name), dossierCode));
            }
            var done = new List<IngestedFile>();
            await foreach (var file in IngestAsync(requests, false, actor, new Progress<string>(), cancellationToken).ConfigureAwait(false))
                done.Add(file);
            return done;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The file's own name, without a path or control characters; a number keeps two files of the same name apart.</summary>
    private static string SafeName(string given, int index, HashSet<string> used)
    {
        var name = new string(Path.GetFileName(given.Replace('\\', '/')).Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0 || name is "." or "..") name = $"tep-{index + 1}";
        return used.Add(name) ? name : used.Add($"{index + 1}-{name}") ? $"{index + 1}-{name}" : Guid.NewGuid().ToString("N");
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
        var pipeline = new IngestPipeline([new FormatCheck(), safety, new MetadataFromDocument(new ToolRunner(log), conversion),
                new MetadataCheck(clock), signatures], inbox, preservation,
            store.Crash, clock, log);
        return new IngestBatch(pipeline, inbox, indexing, log, recovery: _recovery);
    }

    public void Dispose() => _recovery.Dispose();
}

/// <summary>A file sent over the web: its name as the sender gave it, and its content, read once.</summary>
public sealed record Upload(string FileName, Stream Content);
