using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Core.Application;

/// <summary>
/// The preservation jobs as the scheduler and the command line run them: each run is kept in the
/// job history (start, end, objects, bytes, problems, outcome), whether it succeeds, fails or is cut off.
/// </summary>
public sealed class PreservationJobs(ArchiveStore store, TimeProvider clock, ILogger log, AccessPolicy? policy = null)
{
    private readonly AccessPolicy _policy = policy ?? new AccessPolicy();

    public const string Fixity = "fixity";
    public const string Backup = "backup";

    public Task<FixityReport> RunFixityAsync(FixityOptions options, Actor actor, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Tracked(Fixity, actor, async () =>
        {
            var report = await new FixityCheck(store, clock, log).RunAsync(options, actor, progress, cancellationToken).ConfigureAwait(false);
            return (report, report.ObjectsChecked, report.BytesChecked, report.Damaged + report.UnavailableMedia.Count, report.Damaged == 0,
                report.MinutesPath);
        });

    public Task<IReadOnlyList<BackupReport>> RunBackupAsync(IReadOnlyList<string> targets, BackupKind kind, IReadOnlyList<string> configurationFiles,
        Actor actor, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Tracked(Backup, actor, async () =>
        {
            if (targets.Count == 0)
                throw new InvalidRequestException("Chưa chỉ định nơi sao lưu nào, và Archive:Backup:Targets trong cấu hình cũng trống.");
            if (targets.Any(t => store.Folder.Contains(t)))
                throw new InvalidRequestException("Nơi sao lưu không được nằm trong thư mục dữ liệu: bản sao phải ở phương tiện độc lập.");
            var reports = new List<BackupReport>();
            foreach (var target in targets)
                reports.Add(await new BackupService(store, clock, log)
                    .RunAsync(target, kind, configurationFiles, progress, cancellationToken).ConfigureAwait(false));
            Remember(reports.Where(r => r.Complete).ToList(), actor);
            var problems = reports.Sum(r => r.Problems.Count + (r.Complete ? 0 : 1));
            return ((IReadOnlyList<BackupReport>)reports, (long)reports.Sum(r => r.FilesWritten), reports.Sum(r => r.BytesWritten), problems,
                reports.All(r => r.Succeeded), string.Join("; ", reports.Select(r => $"{r.Target}/{r.Id}")));
        });

    /// <summary>The media that now hold a verified set: fixity repairs from them from now on, named or not.</summary>
    private void Remember(IReadOnlyList<BackupReport> complete, Actor actor) => store.Catalog.Write(actor, s =>
    {
        foreach (var report in complete)
        {
            var medium = new BackupMedium
            {
                Id = Path.GetFullPath(report.Target), LastSet = report.Id, LastWrittenAt = clock.GetLocalNow(),
            };
            var known = s.BackupMedia.Exists(medium.Id);
            if (known) s.BackupMedia.Update(medium);
            else s.BackupMedia.Insert(medium);
            if (!known) s.Record(new AuditChange("backup.medium", nameof(BackupMedium), medium.Id, null, medium.LastSet));
        }
        return 0;
    });

    /// <summary>
    /// Runs left "running" by a process that died: this process holds the data folder now, so they
    /// can no longer finish. They are kept, marked interrupted, so the history tells the truth.
    /// </summary>
    public int MarkInterruptedRuns(Actor actor) => store.Catalog.Write(actor, s => MarkStale(s));

    private static int MarkStale(ICatalogSession session, string? job = null)
    {
        var stale = job is null
            ? session.JobRuns.Where(r => r.Outcome == "running")
            : session.JobRuns.Where(r => r.Outcome == "running" && r.Job == job);
        foreach (var run in stale)
            session.JobRuns.Update(run with { Outcome = "interrupted", Detail = "Tiến trình dừng khi tác vụ đang chạy." });
        return stale.Count;
    }

    /// <summary>When the job last ran to an end (succeeded or failed); an interrupted run does not count.</summary>
    public DateTimeOffset? LastCompletedStart(string job) =>
        store.Catalog.Read(s => s.JobRuns.Where(r => r.Job == job && r.Ended != null))
            .OrderByDescending(r => r.Started).FirstOrDefault()?.Started;

    public IReadOnlyList<JobRun> History(Actor actor, int limit = 50) =>
        store.Catalog.Read(s =>
        {
            _policy.Demand(s, actor, Operation.Preservation);
            return s.JobRuns.All();
        }).OrderByDescending(r => r.Started).Take(limit).ToList();

    /// <summary>The alerts that need a person (damage, failed jobs and checks, changes of rights), newest first.</summary>
    public IReadOnlyList<Problem> Alerts(Actor actor, int limit = 500) =>
        store.Catalog.Read(s =>
        {
            _policy.Demand(s, actor, Operation.Preservation);
            return s.Problems.All();
        }).OrderByDescending(p => p.At).Take(limit).ToList();

    /// <summary>Blobs the catalog refers to that are missing, and orphans left by interrupted writes.</summary>
    public ConsistencyReport CheckConsistency(Actor actor)
    {
        Demand(actor);
        return store.CheckConsistency();
    }

    /// <summary>Removes orphan blobs untouched for <paramref name="untouchedFor"/> (<see cref="ArchiveStore.CollectOrphans"/>).
    /// </summary>
    public IReadOnlyList<string> CollectOrphans(TimeSpan untouchedFor, Actor actor)
    {
        Demand(actor);
        return store.CollectOrphans(untouchedFor, actor);
    }

    /// <summary>The air-gap self-check of the machine for the restricted collection (Điều 16.6).</summary>
    public AirGapVerdict CheckAirGap(RestrictedCollection restricted, Actor actor)
    {
        Demand(actor);
        return restricted.Recheck();
    }

    /// <summary>The fixity check minutes kept in the data folder, newest first.</summary>
    public IReadOnlyList<ReportFile> Minutes(Actor actor)
    {
        Demand(actor);
        var folder = new DirectoryInfo(store.Folder.Reports);
        return folder.Exists
            ? folder.EnumerateFiles(FixityMinutes.FilePattern).OrderByDescending(f => f.Name, StringComparer.Ordinal)
                .Select(f => new ReportFile(f.Name, f.Length, f.LastWriteTimeUtc)).ToList()
            : [];
    }

    /// <summary>One minutes file, by the name it is listed under; any other name (a path, another file) is not found.</summary>
    public Stream OpenMinutes(string name, Actor actor)
    {
        if (Minutes(actor).All(m => m.Name != name))
            throw new CatalogNotFoundException($"Không có biên bản kiểm tra '{name}'.");
        return new FileStream(Path.Combine(store.Folder.Reports, name), FileMode.Open, FileAccess.Read, FileShare.Read, 4096,
            useAsync: true);
    }

    /// <summary>The complete backup sets on each medium, oldest first: what a restore could start from.</summary>
    public IReadOnlyList<BackupSetSummary> BackupSets(IReadOnlyList<string> targets, Actor actor)
    {
        Demand(actor);
        return targets.SelectMany(t => new BackupTarget(t).CompleteSets().Select(s => new BackupSetSummary(t, s.Manifest.Id,
            s.Manifest.Kind, s.Manifest.Created, s.Manifest.Files.Count, s.Manifest.Files.Sum(f => f.Length)))).ToList();
    }

    /// <summary>Refuses an actor who may not run or watch the preservation jobs.</summary>
    public void Demand(Actor actor) => store.Catalog.Read(s =>
    {
        _policy.Demand(s, actor, Operation.Preservation);
        return 0;
    });

    private async Task<T> Tracked<T>(string job, Actor actor,
        Func<Task<(T Result, long Objects, long Bytes, int Problems, bool Succeeded, string Detail)>> run)
    {
        var started = new JobRun { Job = job, Started = clock.GetLocalNow() };
        store.Catalog.Write(actor, s =>
        {
            _policy.Demand(s, actor, Operation.Preservation);
            // A job runs once at a time, on one node of a cluster too: a run of it still "running" died with its process. Other
            // jobs' runs are left alone, as another node may be running them.
            MarkStale(s, job);
            s.JobRuns.Insert(started);
            return 0;
        });
        try
        {
            // The run is in the history now; the caller (a person's "run now") gets control back before the work starts.
            await Task.Yield();
            var outcome = await run().ConfigureAwait(false);
            Finish(actor, started with
            {
                Ended = clock.GetLocalNow(), Objects = outcome.Objects, Bytes = outcome.Bytes, Problems = outcome.Problems,
                Outcome = outcome.Succeeded ? "succeeded" : "failed", Detail = outcome.Detail,
            });
            return outcome.Result;
        }
        catch (Exception e)
        {
            Finish(actor, started with { Ended = clock.GetLocalNow(), Outcome = "failed", Problems = 1, Detail = e.Message });
            throw;
        }
    }

    private void Finish(Actor actor, JobRun run) => store.Catalog.Write(actor, s =>
    {
        s.JobRuns.Update(run);
        return 0;
    });
}
