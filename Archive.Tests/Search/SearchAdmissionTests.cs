using Archive.Search;
using NUnit.Framework;

namespace Archive.Tests.Search;

public sealed class SearchAdmissionTests
{
    [Test]
    public async Task As_many_searches_run_at_once_as_there_are_cores_and_the_others_wait_their_turn()
    {
        using var admission = new SearchAdmission();
        var cores = Environment.ProcessorCount;
        using var release = new ManualResetEventSlim();
        var running = 0;
        var most = 0;
        var started = new System.Collections.Concurrent.ConcurrentQueue<int>();
        int Search(int number)
        {
            started.Enqueue(number);
            var now = Interlocked.Increment(ref running);
            lock (started) most = Math.Max(most, now);
            release.Wait(TimeSpan.FromSeconds(30));
            Interlocked.Decrement(ref running);
            return number;
        }

        var first = Enumerable.Range(0, cores).Select(n => Task.Run(() => admission.RunAsync(() => Search(n), CancellationToken.None)))
            .ToList();
        while (started.Count < cores) await Task.Delay(10);
        // Those that come later wait.
        var later = new List<Task<int>>();
        for (var n = cores; n < cores + 3; n++)
        {
            var number = n;
            later.Add(admission.RunAsync(() => Search(number), CancellationToken.None));
        }
        await Task.Delay(100);
        Assert.That(started, Has.Count.EqualTo(cores), "no search beyond the cores starts while they are all busy");
        using var impatient = new CancellationTokenSource();
        var cancelled = admission.RunAsync(() => Search(-1), impatient.Token);
        await impatient.CancelAsync();
        Assert.That(async () => await cancelled, Throws.InstanceOf<OperationCanceledException>(), "a waiting search can be cancelled");

        release.Set();
        Assert.That(await Task.WhenAll(first.Concat(later)), Is.EqualTo(Enumerable.Range(0, cores + 3)));
        Assert.That(most, Is.EqualTo(cores));
        Assert.That(started, Does.Not.Contain(-1), "the cancelled search never ran");
    }
}
