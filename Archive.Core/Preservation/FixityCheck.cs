using System.Collections.Concurrent;
using System.Diagnostics;
using Archive.Core.Audit;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Core.Preservation;

/// <summary>
/// Re-hashes every blob the catalog refers to, in parallel and within a rate limit; records a PREMIS
/// fixity event per object; repairs a changed or missing blob from the newest backup copy that
/// verifies; raises a problem for each fault; and writes the check minutes (biên bản kiểm tra).
/// </summary>
public sealed class FixityCheck(ArchiveStore store, TimeProvider clock, ILogger log)
{
    private const int BufferSize = 1 << 20;
    private const string Agent = "archive fixity (SHA-256)";
    private const string UnavailableMedium = "backup.medium-unavailable";
    private readonly ILogger _log = log.ForContext<FixityCheck>();

    public async Task<FixityReport> RunAsync(FixityOptions options, Actor actor, IProgress<string>? progress,
        CancellationToken cancellationToken)
    {
        var started = clock.GetLocalNow();
        var watch = Stopwatch.StartNew();
        var (referenced, remembered) = store.Catalog.Read(s => (s.Blobs.All().Select(b => b.Id).ToList(), s.BackupMedia.All()));
        // The media named now and those the catalog remembers a verified set on; one that is gone is reported, not skipped.
        var media = options.BackupTargets.Select(Path.GetFullPath).Concat(remembered.Select(m => m.Id))
            .Distinct(StringComparer.Ordinal).ToList();
        var unavailable = media.Where(m => !Directory.Exists(m) || !new BackupTarget(m).CompleteSets().Any()).ToList();
        var usable = media.Except(unavailable, StringComparer.Ordinal).ToList();
        var limit = new ThroughputLimit(options.MaxBytesPerSecond);
        var outcomes = new ConcurrentBag<FixityOutcome>();
        var faults = new ConcurrentBag<(string Digest, FixityFault Fault)>();
        long checkedCount = 0, bytes = 0;
        progress?.Report($"Kiểm tra tính toàn vẹn {referenced.Count} tệp…");

        // Hashing is CPU-bound: plain threads, one per core, synchronous reads into a buffer each.
        await Task.Run(() => Parallel.ForEach(referenced,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = cancellationToken },
            () => new byte[BufferSize],
            (hex, _, buffer) =>
            {
                var (fault, length) = Check(Sha256Digest.Parse(hex), limit, buffer, cancellationToken);
                Interlocked.Add(ref bytes, length);
                if (fault is { } f) faults.Add((hex, f));
                outcomes.Add(new FixityOutcome(hex, fault is null ? PremisEventType.Success : PremisEventType.Failure,
                    fault switch { FixityFault.Changed => "SHA-256 changed", FixityFault.Missing => "missing", _ => "SHA-256 matches" }));
                var done = Interlocked.Increment(ref checkedCount);
                if (done % 1000 == 0) progress?.Report($"  đã kiểm tra {done}/{referenced.Count} tệp…");
                return buffer;
            },
            _ => { }), cancellationToken).ConfigureAwait(false);

        _log.Debug("Fixity hashed {Objects} objects in {Elapsed}", checkedCount, watch.Elapsed);
        var findings = new List<FixityFinding>();
        foreach (var (hex, fault) in faults.OrderBy(f => f.Digest, StringComparer.Ordinal))
        {
            var digest = Sha256Digest.Parse(hex);
            var repairedFrom = options.Repair ? await RepairAsync(digest, usable, cancellationToken).ConfigureAwait(false) : null;
            store.Crash.Reached(CrashPoint.FixityMidRepair);
            findings.Add(new FixityFinding(hex, fault, store.Blobs.Location(digest), MediumOf(store.Folder.Root), repairedFrom));
        }
        var referencedSet = referenced.ToHashSet(StringComparer.Ordinal);
        findings.AddRange(store.Blobs.Enumerate().Where(d => !referencedSet.Contains(d.Hex)).OrderBy(d => d.Hex, StringComparer.Ordinal)
            .Select(d => new FixityFinding(d.Hex, FixityFault.Unreferenced, store.Blobs.Location(d), MediumOf(store.Folder.Root), null)));

        var minutes = FixityMinutes.Write(store.Folder, started, checkedCount, bytes, findings, unavailable);
        _log.Debug("Fixity findings and minutes ready at {Elapsed}", watch.Elapsed);
        Record(actor, outcomes, findings, unavailable, started);
        var report = new FixityReport(started, watch.Elapsed, checkedCount, bytes, findings, minutes) { UnavailableMedia = unavailable };
        _log.Information("Fixity checked {Objects} objects ({Bytes} bytes) in {Duration}: {Damaged} damaged, {Unreferenced} unreferenced",
            checkedCount, bytes, watch.Elapsed, report.Damaged, findings.Count - report.Damaged);
        return report;
    }

    private (FixityFault? Fault, long Length) Check(Sha256Digest digest, ThroughputLimit limit, byte[] buffer, CancellationToken cancellationToken)
    {
        long length = 0;
        try
        {
            using var stream = store.Blobs.OpenRead(digest);
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                length += read;
                limit.Take(read, cancellationToken);
            }
            return (null, length);
        }
        catch (BlobMissingException)
        {
            return (FixityFault.Missing, length);
        }
        catch (BlobCorruptedException)
        {
            return (FixityFault.Changed, length);
        }
    }

    /// <summary>Newest complete backup set first, on every medium; a copy is used only if it hashes right.</summary>
    private async Task<string?> RepairAsync(Sha256Digest digest, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        var candidates = targets.Select(t => new BackupTarget(t)).SelectMany(t => t.CompleteSets())
            .OrderByDescending(s => s.Manifest.Id, StringComparer.Ordinal)
            .Select(s => s.BlobPath(digest.Hex)).Where(File.Exists);
        foreach (var copy in candidates)
        {
            try
            {
                await using var source = new FileStream(copy, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous);
                await store.Blobs.RepairAsync(digest, source, cancellationToken).ConfigureAwait(false);
                return copy;
            }
            catch (BlobCorruptedException e)
            {
                _log.Warning(e, "Backup copy {Copy} of {Digest} is damaged too; trying an older one", copy, digest);
            }
        }
        _log.Error("No good backup copy of blob {Digest} on {Targets}", digest, targets);
        return null;
    }

    private void Record(Actor actor, IEnumerable<FixityOutcome> outcomes, IReadOnlyList<FixityFinding> findings,
        IReadOnlyList<string> unavailable, DateTimeOffset at)
    {
        store.Catalog.Write(actor, session =>
        {
            // One open alert per medium that is gone, not one per run.
            foreach (var medium in unavailable.Where(m => !session.Problems.Where(p => p.ObjectId == m)
                         .Any(p => p.Kind == UnavailableMedium && p.Resolution == null)))
                session.Problems.Insert(new Problem
                {
                    At = at, Kind = UnavailableMedium, ObjectId = medium,
                    Message = $"Phương tiện sao lưu {medium} không truy cập được hoặc không còn bộ sao lưu hoàn tất nào: " +
                              "không khôi phục được từ phương tiện này.",
                });
            var runId = Guid.CreateVersion7().ToString("N");
            session.FixityEvents.InsertMany(outcomes.OrderBy(o => o.ObjectId, StringComparer.Ordinal).Chunk(FixityEventBatch.Size)
                .Select(chunk => new FixityEventBatch { RunId = runId, At = at, Agent = Agent, Outcomes = [.. chunk] }));
            foreach (var finding in findings.Where(f => f.Fault != FixityFault.Unreferenced))
            {
                var repaired = finding.RepairedFrom is not null;
                session.Problems.Insert(new Problem
                {
                    At = at, Kind = finding.Fault == FixityFault.Changed ? "fixity.changed" : "fixity.missing", ObjectId = finding.Digest,
                    Message = (finding.Fault == FixityFault.Changed ? "Tệp bị thay đổi (mã băm không khớp): " : "Tệp bị mất: ") + finding.Path,
                    Resolution = repaired ? $"Đã khôi phục từ bản sao lưu {finding.RepairedFrom}" : null,
                });
                if (!repaired) continue;
                session.Events.Insert(new PreservationEvent
                {
                    Type = PremisEventType.Recovery, At = clock.GetLocalNow(), ObjectId = finding.Digest, Agent = Agent,
                    Outcome = PremisEventType.Success, Detail = $"restored from {finding.RepairedFrom}",
                });
                session.Record(new AuditChange("blob.repair", "Blob", finding.Digest, finding.Fault.ToString(), finding.RepairedFrom));
            }
            return 0;
        });
        foreach (var finding in findings.Where(f => f.Fault != FixityFault.Unreferenced))
            _log.Error("Fixity alert: blob {Digest} {Fault} at {Path}; repaired from {RepairedFrom}",
                finding.Digest, finding.Fault, finding.Path, finding.RepairedFrom ?? "(no good copy)");
    }

    internal static string MediumOf(string path)
    {
        try
        {
            var drive = new DriveInfo(path);
            return $"{drive.Name} ({drive.DriveFormat})";
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            return Path.GetPathRoot(path) ?? path;
        }
    }
}
