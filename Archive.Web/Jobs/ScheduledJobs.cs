using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Archive.Web.Hosting;
using Microsoft.Extensions.Configuration;
using ILogger = Serilog.ILogger;

namespace Archive.Web.Jobs;

/// <summary>
/// What each scheduled job does, and its schedule from configuration (Archive:Jobs:&lt;name&gt;:Cron).
/// Defaults follow TT 02 Điều 10: fixity every night, a backup every night (full on the 1st).
/// </summary>
public sealed class ScheduledJobs(ArchiveStore store, RestrictedCollection restricted, ArchiveSettings settings, TimeProvider clock, ILogger log)
{
    private static readonly Actor Scheduler = Actor.Scheduler();

    private static readonly Dictionary<string, string> DefaultCron = new(StringComparer.Ordinal)
    {
        [PreservationJobs.Fixity] = "0 0 1 * * ?",
        [PreservationJobs.Backup] = "0 0 2 * * ?",
        [AirGap] = "0 */15 * * * ?",
    };

    public const string AirGap = "airgap";

    public IReadOnlyList<JobSchedule> Schedules() =>
        DefaultCron.Select(d => new JobSchedule(d.Key, settings.Configuration[$"Archive:Jobs:{d.Key}:Cron"] ?? d.Value))
            .Where(s => !string.Equals(s.Cron, "off", StringComparison.OrdinalIgnoreCase)).ToList();

    public DateTimeOffset? LastStart(string job) => Jobs.LastCompletedStart(job);

    public int MarkInterruptedRuns() => Jobs.MarkInterruptedRuns(Scheduler);

    public async Task RunAsync(string job, CancellationToken cancellationToken)
    {
        switch (job)
        {
            case PreservationJobs.Fixity:
                var rate = settings.Configuration.GetValue<int?>("Archive:Jobs:fixity:MaxMBps");
                await Jobs.RunFixityAsync(new FixityOptions(settings.BackupTargets, Environment.ProcessorCount, rate * 1024L * 1024L),
                    Scheduler, null, cancellationToken).ConfigureAwait(false);
                break;
            case PreservationJobs.Backup:
                await Jobs.RunBackupAsync(settings.BackupTargets, BackupKind.Scheduled, settings.ConfigurationFiles, Scheduler, null,
                    cancellationToken).ConfigureAwait(false);
                break;
            case AirGap:
                // A failure closes the restricted collection and raises the alert itself.
                restricted.Recheck();
                break;
            default:
                throw new ArgumentException($"Unknown job '{job}'.", nameof(job));
        }
    }

    private PreservationJobs Jobs => new(store, clock, log);
}
