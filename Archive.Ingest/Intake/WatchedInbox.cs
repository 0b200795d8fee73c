using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Core.Storage;
using Archive.Ingest.Pipeline;
using Serilog;

namespace Archive.Ingest.Intake;

/// <summary>
/// The watched inbox folder (issue 4, intake): files senders drop there go through the same
/// <see cref="IngestBatch"/> as `archive ingest`, then are moved out of the way, into
/// da-tiep-nhan (accepted or pending) or tra-lai (returned, with the reasons beside). A file still being
/// written is left for a later look; nothing is deleted. A run interrupted after the inbox took a
/// file but before it was moved is finished on the next look without receiving the file twice.
/// One look runs at a time.
/// </summary>
public sealed class WatchedInbox(WatchFolderOptions options, IngestBatch batch, RecordsInbox inbox, CrashPoint crash, Actor actor,
    TimeProvider clock, ILogger log)
{
    private const long MaxSidecarBytes = 1 << 20;

    /// <summary>Stops the batch's converters.</summary>
    private readonly ILogger _log = log.ForContext<WatchedInbox>().ForContext("WatchFolder", options.Folder);
    private readonly WatchFolderLayout _layout = new(options.Folder);
    private readonly SemaphoreSlim _oneLookAtATime = new(1, 1);
    /// <summary>What the previous look saw, by file name: a file is taken once two looks agree.</summary>
    private Dictionary<string, ArrivalFingerprint> _previousLook = new(StringComparer.Ordinal);

    /// <summary>Looks at the folder every poll interval until cancelled (`archive serve`, `archive ingest --watch`).</summary>
    public async Task WatchAsync(IProgress<string> progress, Func<IntakeResult, Task> finished, CancellationToken cancellationToken)
    {
        _log.Information("Watching {WatchFolder} every {Interval}", _layout.Root, options.PollInterval);
        using var timer = new PeriodicTimer(options.PollInterval, clock);
        try
        {
            do
            {
                try
                {
                    foreach (var result in (await PollAsync(progress, cancellationToken).ConfigureAwait(false)).Finished)
                        await finished(result).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // A folder briefly unreachable (a network share) is looked at again at the next tick.
                    _log.Error(e, "Looking at the watched folder failed; trying again in {Interval}", options.PollInterval);
                }
            } while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _log.Information("Stopped watching {WatchFolder}", _layout.Root);
        }
    }

    /// <summary>
    /// Takes what is there now (`archive ingest --watch DIR --once`): files that were written to within
    /// the settle time are looked at again after it, and left for a later run if they changed meanwhile.
    /// </summary>
    public async Task<WatchPoll> OnceAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var first = await PollAsync(progress, cancellationToken).ConfigureAwait(false);
        if (first.Waiting.Count == 0) return first;
        progress.Report($"Chờ {options.Settle.TotalSeconds:0.#} giây để chắc các tệp mới đã chép xong: {string.Join(", ", first.Waiting)}.");
        await Task.Delay(options.Settle, clock, cancellationToken).ConfigureAwait(false);
        var second = await PollAsync(progress, cancellationToken).ConfigureAwait(false);
        return new WatchPoll([.. first.Finished, .. second.Finished], second.Waiting);
    }

    /// <summary>One look: finish what an interrupted run left, then take every file that has stopped changing.</summary>
    public async Task<WatchPoll> PollAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        if (!await _oneLookAtATime.WaitAsync(0, cancellationToken).ConfigureAwait(false)) return WatchPoll.Nothing;
        try
        {
            _layout.EnsureFolders();
            var finished = new List<IntakeResult>();
            var taken = new List<(FileInfo File, Tt02Metadata Metadata)>();
            foreach (var claimed in _layout.ClaimedFiles())
            {
                if (await FinishedEarlierAsync(claimed, cancellationToken).ConfigureAwait(false) is { } done) finished.Add(done);
                else if (Take(claimed, finished) is { } again) taken.Add(again);
            }
            var waiting = new List<string>();
            foreach (var arrival in Stable(_layout.Arrivals(), waiting))
                if (_layout.Claim(arrival) is { } claimed && Take(claimed, finished) is { } next) taken.Add(next);

            var requests = taken.Select(t => new IngestRequest(t.File.FullName, t.Metadata, options.Dossier)).ToList();
            var files = taken.ToDictionary(t => t.File.FullName, t => t.File, StringComparer.Ordinal);
            await foreach (var file in batch.RunAsync(requests, actor, progress, cancellationToken).ConfigureAwait(false))
                finished.Add(Finish(files[file.Request.Path], file.Outcomes, finishedFromEarlierRun: false));
            return new WatchPoll(finished, waiting);
        }
        finally
        {
            _oneLookAtATime.Release();
        }
    }

    /// <summary>Files whose size and time (and their companions') did not change since the previous look, or not within the settle time, and that no writer holds open.</summary>
    private List<FileInfo> Stable(IReadOnlyList<FileInfo> arrivals, List<string> waiting)
    {
        var look = new Dictionary<string, ArrivalFingerprint>(StringComparer.Ordinal);
        var stable = new List<FileInfo>();
        var quietSince = clock.GetUtcNow().UtcDateTime - options.Settle;
        foreach (var arrival in arrivals)
        {
            ArrivalFingerprint fingerprint;
            try
            {
                fingerprint = ArrivalFingerprint.Of(arrival, WatchFolderLayout.Companions(arrival));
            }
            catch (FileNotFoundException)
            {
                continue; // gone between listing and looking: the sender took it back
            }
            look[arrival.Name] = fingerprint;
            var unchanged = _previousLook.TryGetValue(arrival.Name, out var before) && before == fingerprint;
            var quiet = fingerprint.LastWriteUtc <= quietSince && WatchFolderLayout.Companions(arrival).All(c => c.LastWriteTimeUtc <= quietSince);
            if ((unchanged || quiet) && !HeldByWriter(arrival)) stable.Add(arrival);
            else
            {
                waiting.Add(arrival.Name);
                _log.Debug("{File} is still changing or held open; left for the next look", arrival.Name);
            }
        }
        _previousLook = look;
        return stable;
    }

    /// <summary>A writer that locks the file (Samba, Windows clients, .NET) still has it; one that does not is caught by the two looks.</summary>
    private static bool HeldByWriter(FileInfo file)
    {
        try
        {
            using var _ = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The claimed file with its metadata; a sidecar that cannot be read returns the file at once, with the reason.</summary>
    private (FileInfo, Tt02Metadata)? Take(FileInfo claimed, List<IntakeResult> finished)
    {
        if (WatchFolderLayout.Sidecar(claimed) is not { } sidecar) return (claimed, Tt02Metadata.Empty);
        try
        {
            if (sidecar.Length > MaxSidecarBytes)
                throw new MetadataFormatException($"Tệp siêu dữ liệu '{sidecar.Name}' lớn hơn 1 MB: không phải siêu dữ liệu.");
            return (claimed, Tt02Metadata.FromJson(File.ReadAllText(sidecar.FullName), DocumentFiling.Tags, sidecar.Name));
        }
        catch (MetadataFormatException e)
        {
            _log.Warning("Metadata sidecar {Sidecar} of {File} is not valid; returned without ingesting", sidecar.Name, claimed.Name);
            var outcome = new IngestOutcome(claimed.Name, IngestOutcome.Rejected, null, options.Dossier, null, [e.Message], null, null, false);
            finished.Add(Finish(claimed, [outcome], finishedFromEarlierRun: false));
            return null;
        }
    }

    /// <summary>A claimed file whose bytes the inbox already holds: an interrupted run received it; only the move is left.</summary>
    private async Task<IntakeResult?> FinishedEarlierAsync(FileInfo claimed, CancellationToken cancellationToken)
    {
        Sha256Digest digest;
        await using (var content = claimed.OpenRead())
            digest = await Sha256Digest.ComputeAsync(content, cancellationToken).ConfigureAwait(false);
        if (inbox.Holding(digest) is not [.., var item]) return null;
        _log.Warning("{File} was received as inbox item {InboxItem} by an interrupted run; moving it out of the watched folder", claimed.Name,
            item.Id);
        return Finish(claimed, [OutcomeOf(item)], finishedFromEarlierRun: true);
    }

    private IntakeResult Finish(FileInfo claimed, IReadOnlyList<IngestOutcome> outcomes, bool finishedFromEarlierRun)
    {
        crash.Reached(CrashPoint.IntakeBeforeMove);
        var returned = outcomes.Count == 0 || outcomes.Any(o => o.Status is IngestOutcome.Rejected or IngestOutcome.Duplicate);
        var reasons = outcomes.Count == 0 ? ["Gói không chứa văn bản nào để tiếp nhận."]
            : outcomes.Where(o => o.Status is IngestOutcome.Rejected or IngestOutcome.Duplicate)
                .SelectMany(o => o.Reasons.Select(r => o.File == claimed.Name ? r : $"{o.File}: {r}"))
                .Concat(outcomes.Where(o => o.Status == IngestOutcome.Accepted && o.File != claimed.Name)
                    .Select(o => $"{o.File}: đã tiếp nhận, số đến {o.ArrivalNumber}."))
                .ToList();
        var movedTo = _layout.Finish(claimed, returned, reasons);
        _log.Information("{File} moved to {Target}: {Statuses}", claimed.Name, movedTo, string.Join(",", outcomes.Select(o => o.Status)));
        return new IntakeResult(claimed.Name, returned ? WatchFolderLayout.ReturnedFolderName : WatchFolderLayout.AcceptedFolderName, outcomes,
            finishedFromEarlierRun);
    }

    private static IngestOutcome OutcomeOf(InboxItem item) => new(item.SourceName,
        item.Status switch
        {
            InboxStatus.Accepted => IngestOutcome.Accepted,
            InboxStatus.Rejected when item.Reasons.All(RecordsInbox.IsDuplicateReason) => IngestOutcome.Duplicate,
            InboxStatus.Rejected => IngestOutcome.Rejected,
            _ => IngestOutcome.Pending,
        }, item.DocumentId, item.TargetDossier, null, item.Reasons, item.Id, ArrivalNumber(item.ArrivalId), item.Urgent);

    private static int? ArrivalNumber(string? arrivalId) =>
        arrivalId?.Split('-', '/', '.') is [.., var last] && int.TryParse(last, out var number) ? number : null;
}
