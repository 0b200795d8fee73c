using System.Diagnostics;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using Archive.Tests.Support;

namespace Archive.Tests.Web;

[TestFixture(CatalogEngine.LiteDb)]
[TestFixture(CatalogEngine.Postgres)]
public sealed class SchedulerTests(CatalogEngine engine)
{
    [Test]
    public async Task A_job_missed_while_the_archive_was_off_runs_at_the_next_start_and_interrupted_runs_are_marked()
    {
        using var data = new TempFolder("archive-data");
        engine.Attach(data.Path);
        await DemoDossier.CreateAsync(data.Path);
        var twoDaysAgo = DateTimeOffset.UtcNow.AddDays(-2);
        var catalog = CatalogEngines.CatalogOf(data.Path);
        using (var store = ArchiveStore.Open(new DataFolder(data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: catalog))
            store.Catalog.Write(TestArchive.Tester, s =>
            {
                s.JobRuns.Insert(new JobRun { Job = "fixity", Started = twoDaysAgo, Ended = twoDaysAgo.AddMinutes(1), Outcome = "succeeded" });
                s.JobRuns.Insert(new JobRun { Job = "backup", Started = DateTimeOffset.UtcNow.AddHours(-1) }); // a run that never ended
                return 0;
            });

        // Daily schedules far from now: only the missed-run rule can make fixity run during this test.
        using var scheduler = Process.Start(Cli.ChildProcess(["jobs", "run", "--data", data.Path], new Dictionary<string, string>
        {
            ["ARCHIVE__Archive__Jobs__fixity__Cron"] = "0 0 1 * * ?",
            ["ARCHIVE__Archive__Jobs__backup__Cron"] = "0 0 2 1 1 ? 2099",
        }))!;
        _ = scheduler.StandardOutput.ReadToEndAsync();
        var log = new System.Text.StringBuilder();
        var fixityRan = new TaskCompletionSource();
        scheduler.ErrorDataReceived += (_, line) =>
        {
            lock (log) log.AppendLine(line.Data);
            if (line.Data?.Contains("Fixity checked", StringComparison.Ordinal) == true) fixityRan.TrySetResult();
        };
        scheduler.BeginErrorReadLine();
        // Bounded wait for a child process to start and run; not a performance assertion.
        var finished = await Task.WhenAny(fixityRan.Task, scheduler.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2)));
        Stop(scheduler); // Ctrl+C: the scheduler lets the running job record its end, then exits
        await scheduler.WaitForExitAsync();
        Assert.That(finished, Is.SameAs(fixityRan.Task), log.ToString());

        using var after = ArchiveStore.Open(new DataFolder(data.Path), TimeProvider.System, Serilog.Core.Logger.None, catalog: catalog);
        var runs = after.Catalog.Read(s => s.JobRuns.All());
        Assert.That(runs.Count(r => r.Job == "fixity" && r.Started > twoDaysAgo.AddDays(1) && r.Outcome == "succeeded"), Is.EqualTo(1),
            log.ToString());
        // A lone process holds the folder: a run left running died with the last one. On a cluster it may be another node's.
        Assert.That(runs.Single(r => r.Job == "backup").Outcome, Is.EqualTo(engine == CatalogEngine.LiteDb ? "interrupted" : "running"));
    }

    private static void Stop(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }
}
