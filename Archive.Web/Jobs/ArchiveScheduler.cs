using Archive.Web.Hosting;
using Quartz;
using Quartz.Impl;
using Quartz.Spi;
using ILogger = Serilog.ILogger;

namespace Archive.Web.Jobs;

/// <summary>
/// Quartz, hosted in the archive process: one trigger per configured job, one run of a job at a
/// time, and at start every job whose last scheduled time passed while the archive was down runs
/// at once (the in-memory job store forgets, so the job history in the catalog is what remembers).
/// On a PostgreSQL catalog the nodes form one Quartz cluster over the same database (its ADO.NET job store): each scheduled
/// run fires on one node, a run missed while every node was down fires when one comes back (misfire: fire and proceed), and
/// the runs of a node that stopped checking in are taken over by another.
/// </summary>
public sealed class ArchiveScheduler : IAsyncDisposable
{
    private readonly IScheduler _scheduler;

    private ArchiveScheduler(IScheduler scheduler) => _scheduler = scheduler;

    public static async Task<ArchiveScheduler> StartAsync(ScheduledJobs jobs, ArchiveSettings settings, TimeProvider clock,
        ILogger log, CancellationToken cancellationToken)
    {
        var zone = settings.TimeZone;
        var clustered = settings.Catalog.PostgresConnectionString is { } connection;
        var properties = new System.Collections.Specialized.NameValueCollection
        {
            ["quartz.scheduler.instanceName"] = clustered ? "archive" : $"archive-{Environment.ProcessId}",
            ["quartz.threadPool.maxConcurrency"] = "2",
        };
        if (clustered)
        {
            properties["quartz.scheduler.instanceId"] = "AUTO";
            properties["quartz.jobStore.type"] = "Quartz.Impl.AdoJobStore.JobStoreTX, Quartz";
            properties["quartz.jobStore.driverDelegateType"] = "Quartz.Impl.AdoJobStore.PostgreSQLDelegate, Quartz";
            properties["quartz.jobStore.dataSource"] = "catalog";
            properties["quartz.jobStore.clustered"] = "true";
            properties["quartz.jobStore.clusterCheckinInterval"] =
                ((int)settings.JobsClusterCheckin.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            properties["quartz.dataSource.catalog.provider"] = "Npgsql";
            properties["quartz.dataSource.catalog.connectionString"] = settings.Catalog.PostgresConnectionString;
            properties["quartz.serializer.type"] = typeof(TextJobDataSerializer).AssemblyQualifiedName;
        }
        // Quartz's own messages (a node taken for dead, a job recovered, a database error) go to the archive's log.
        Quartz.Logging.LogContext.SetCurrentLogProvider(new Serilog.Extensions.Logging.SerilogLoggerFactory(log));
        var scheduler = await new StdSchedulerFactory(properties).GetScheduler(cancellationToken).ConfigureAwait(false);
        scheduler.JobFactory = new Factory(jobs, log);
        // A run left "running" is another node's on a cluster, still going or taken over by Quartz: only a lone process marks them.
        var interrupted = clustered ? 0 : jobs.MarkInterruptedRuns();
        if (interrupted > 0) log.Warning("{Count} job runs were interrupted when the archive last stopped", interrupted);
        var now = clock.GetUtcNow();
        foreach (var schedule in jobs.Schedules())
        {
            var cron = new CronExpression(schedule.Cron) { TimeZone = zone };
            // Recovery requested: the run of a node that dies mid-job is run again by another node of the cluster.
            var job = JobBuilder.Create<ArchiveJob>().WithIdentity(schedule.Name).RequestRecovery().Build();
            var trigger = TriggerBuilder.Create().WithIdentity(schedule.Name).ForJob(job)
                .WithCronSchedule(schedule.Cron, c => c.InTimeZone(zone).WithMisfireHandlingInstructionFireAndProceed()).Build();
            // On a cluster the schedule is stored once: a node starting replaces it only when its configuration says otherwise
            // (replacing the same schedule made its current run fire a second time).
            var stored = await scheduler.GetTrigger(trigger.Key, cancellationToken).ConfigureAwait(false) as ICronTrigger;
            var first = stored is null && await StoreFirstAsync(scheduler, job, trigger, cancellationToken).ConfigureAwait(false);
            if (stored is not null && (stored.CronExpressionString != schedule.Cron || stored.TimeZone.Id != zone.Id))
                await scheduler.ScheduleJob(job, [trigger], replace: true, cancellationToken).ConfigureAwait(false);
            // On a cluster the job store remembers the last runs: missed ones fire by the misfire rule, once for all nodes. Only
            // the node that stored the schedule first (a new cluster, an archive just migrated) asks the job history.
            if (!clustered && schedule.Name == ScheduledJobs.AirGap)
                await scheduler.TriggerJob(job.Key, cancellationToken).ConfigureAwait(false); // checked at every start too
            else if ((!clustered || first) && jobs.LastStart(schedule.Name) is { } last && cron.GetNextValidTimeAfter(last) is { } due
                     && due < now)
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

    /// <summary>Stores a schedule the job store does not have yet; false when another node stored it in the meantime.</summary>
    private static async Task<bool> StoreFirstAsync(IScheduler scheduler, IJobDetail job, ITrigger trigger,
        CancellationToken cancellationToken)
    {
        try
        {
            await scheduler.ScheduleJob(job, [trigger], replace: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ObjectAlreadyExistsException)
        {
            return false;
        }
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

    /// <summary>The job store's serializer: job data as a JSON object of strings. The archive's jobs carry none (a job is its
    /// name); the triggers Quartz makes to recover a dead node's runs carry the names and times of the run they recover.</summary>
    private sealed class TextJobDataSerializer : IObjectSerializer
    {
        public void Initialize()
        {
        }

        public byte[] Serialize<T>(T obj) where T : class => obj is JobDataMap map && map.All(e => e.Value is null or string)
            ? System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(map.ToDictionary(e => e.Key, e => (string?)e.Value))
            : throw new NotSupportedException($"Scheduled jobs' data is text only; {obj.GetType().Name} was given.");

        public T? DeSerialize<T>(byte[] data) where T : class =>
            typeof(T).IsAssignableFrom(typeof(JobDataMap))
                ? (T)(object)new JobDataMap((IDictionary<string, object>)System.Text.Json.JsonSerializer
                    .Deserialize<Dictionary<string, string?>>(data)!.ToDictionary(e => e.Key, e => (object)e.Value!))
                : throw new NotSupportedException($"Scheduled jobs' data is text only; {typeof(T).Name} was asked for.");
    }

    private sealed class Factory(ScheduledJobs jobs, ILogger log) : IJobFactory
    {
        public IJob NewJob(TriggerFiredBundle bundle, IScheduler scheduler) => new ArchiveJob(jobs, log);

        public void ReturnJob(IJob job)
        {
        }
    }
}
