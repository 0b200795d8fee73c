using Quartz;
using Quartz.Impl;
using Quartz.Spi;
using ILogger = Serilog.ILogger;

namespace Archive.Web.Jobs;

/// <summary>
/// Quartz, hosted in the archive process: one trigger per configured job, one run of a job at a
/// time, and at start every job whose last scheduled time passed while the archive was down runs
/// at once (the in-memory job store forgets, so the job history in the catalog is what remembers).
/// </summary>
public sealed class ArchiveScheduler : IAsyncDisposable
{
    private readonly IScheduler _scheduler;

    private ArchiveScheduler(IScheduler scheduler) => _scheduler = scheduler;

    public static async Task<ArchiveScheduler> StartAsync(ScheduledJobs jobs, TimeZoneInfo zone, TimeProvider clock, ILogger log,
        CancellationToken cancellationToken)
    {
        var factory = new StdSchedulerFactory(new System.Collections.Specialized.NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = $"archive-{Environment.ProcessId}",
            ["quartz.threadPool.maxConcurrency"] = "2",
        });
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        scheduler.JobFactory = new Factory(jobs, log);
        var interrupted = jobs.MarkInterruptedRuns();
        if (interrupted > 0) log.Warning("{Count} job runs were interrupted when the archive last stopped", interrupted);
        var now = clock.GetUtcNow();
        foreach (var schedule in jobs.Schedules())
        {
            var cron = new CronExpression(schedule.Cron) { TimeZone = zone };
            var job = JobBuilder.Create<ArchiveJob>().WithIdentity(schedule.Name).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(schedule.Name)
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(zone).WithMisfireHandlingInstructionFireAndProceed()).Build();
            await scheduler.ScheduleJob(job, trigger, cancellationToken).ConfigureAwait(false);
            if (schedule.Name == ScheduledJobs.AirGap)
                await scheduler.TriggerJob(job.Key, cancellationToken).ConfigureAwait(false); // checked at every start too
            else if (jobs.LastStart(schedule.Name) is { } last && cron.GetNextValidTimeAfter(last) is { } due && due < now)
            {
                log.Warning("Job {Job} was due at {Due} while the archive was not running; running it now", schedule.Name, due);
                await scheduler.TriggerJob(job.Key, cancellationToken).ConfigureAwait(false);
            }
            log.Information("Job {Job} scheduled with cron {Cron} ({Zone}); next run {Next}", schedule.Name, schedule.Cron, zone.Id,
                trigger.GetNextFireTimeUtc());
        }
        await scheduler.Start(cancellationToken).ConfigureAwait(false);
        return new ArchiveScheduler(scheduler);
    }

    public async ValueTask DisposeAsync() => await _scheduler.Shutdown(waitForJobsToComplete: true).ConfigureAwait(false);

    /// <summary>The one Quartz job type: it runs the archive job named by its key.</summary>
    [DisallowConcurrentExecution]
    private sealed class ArchiveJob(ScheduledJobs jobs, ILogger log) : IJob
    {
        public async Task Execute(IJobExecutionContext context)
        {
            var name = context.JobDetail.Key.Name;
            try
            {
                await jobs.RunAsync(name, context.CancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Already in the job history as failed; the scheduler keeps going for the next run.
                log.Error(e, "Scheduled job {Job} failed", name);
            }
        }
    }

    private sealed class Factory(ScheduledJobs jobs, ILogger log) : IJobFactory
    {
        public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new ArchiveJob(jobs, log);

        public void ReturnJob(IJob job)
        {
        }
    }
}
