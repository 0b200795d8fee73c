using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Preservation;
using Archive.Web.Hosting;
using Microsoft.Extensions.Configuration;
using ILogger = Serilog.ILogger;

namespace Archive.Web.Jobs;

/// <summary>
/// What each scheduled job does, and its schedule from configuration (Archive:Jobs:&lt;name&gt;:Cron).
/// Defaults follow TT 02 Điều 10: fixity every night, a backup every night (full on the 1st).
/// The fixity check and the backup run one at a time, whether the schedule or a person ("run now") starts them.
/// </summary>
public sealed class ScheduledJobs(PreservationJobs preservation, RestrictedCollection restricted, ArchiveSettings settings, ILogger log)
    : IDisposable
{
    private static readonly Actor Scheduler = Actor.Scheduler();

    private static readonly Dictionary<string, string> DefaultCron = new(StringComparer.Ordinal)
    {
        [PreservationJobs.Fixity] = "0 0 1 * * ?",
        [PreservationJobs.Backup] = "0 0 2 * * ?",
        [AirGap] = "0 */15 * * * ?",
    };

    // A job run marks any other "running" run as interrupted: two at once would each think the other died.
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public const string AirGap = "airgap";

    public IReadOnlyList<JobSchedule> Schedules() =>
        DefaultCron.Select(d => new JobSchedule(d.Key, settings.Configuration[$"Archive:Jobs:{d.Key}:Cron"] ?? d.Value))
            .Where(s => !string.Equals(s.Cron, "off", StringComparison.OrdinalIgnoreCase)).ToList();

    public DateTimeOffset? LastStart(string job) => preservation.LastCompletedStart(job);

    public int MarkInterruptedRuns() => preservation.MarkInterruptedRuns(Scheduler);

    public async Task RunAsync(string job, CancellationToken cancellationToken)
    {
        if (job == AirGap)
        {
            // A failure closes the restricted collection and raises the alert itself.
            restricted.Recheck();
            return;
        }
        await _oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PreserveAsync(job, Scheduler, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Starts the fixity check or a backup now, for a person who may run them; it goes on after the request, and its run is in
    /// the job history. False when a job is running already.
    /// </summary>
    public bool TryStartNow(string job, Actor actor, CancellationToken stopping)
    {
        if (job is not (PreservationJobs.Fixity or PreservationJobs.Backup))
            throw new InvalidRequestException($"Không có tác vụ '{job}'; chỉ chạy ngay được {PreservationJobs.Fixity} " +
                                              $"(kiểm tra toàn vẹn) và {PreservationJobs.Backup} (sao lưu).");
        preservation.Demand(actor);
        if (!_oneAtATime.Wait(0)) return false;
        _ = RunStartedAsync(job, actor, stopping);
        return true;
    }

    /// <summary>A run started by a person: its start (in the history) happens before this returns its task, the rest after.</summary>
    private async Task RunStartedAsync(string job, Actor actor, CancellationToken stopping)
    {
        try
        {
            await PreserveAsync(job, actor, stopping).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The failure is in the job history and the alerts already; the log keeps the whole exception.
            log.Error(e, "Job {Job} started by {Actor} failed", job, actor.Name);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task PreserveAsync(string job, Actor actor, CancellationToken cancellationToken)
    {
        switch (job)
        {
            case PreservationJobs.Fixity:
                var rate = settings.Configuration.GetValue<int?>("Archive:Jobs:fixity:MaxMBps");
                await preservation.RunFixityAsync(
                    new FixityOptions(settings.BackupTargets, Environment.ProcessorCount, rate * 1024L * 1024L),
                    actor, null, cancellationToken).ConfigureAwait(false);
                // What interrupted writes left behind, once it is certainly no write's any more.
                preservation.CollectOrphans(settings.OrphanGrace, actor);
                break;
            case PreservationJobs.Backup:
                await preservation.RunBackupAsync(settings.BackupTargets, BackupKind.Scheduled, settings.ConfigurationFiles, actor, null,
                    cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentException($"Unknown job '{job}'.", nameof(job));
        }
    }

    public void Dispose() => _oneAtATime.Dispose();
}
