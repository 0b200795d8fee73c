using System.Collections.Concurrent;
using Serilog;

namespace Archive.Ingest.Conversion;

/// <summary>
/// The Ghostscript workers of one converter, at most one per core (<see cref="ConversionOptions.Parallelism"/>):
/// Ghostscript is the stage that uses the processor to the full, so however many documents are in flight,
/// that many conversions run at once. A worker is taken per job and given back if it is still healthy,
/// and retired after <see cref="JobsPerWorker"/> jobs so that whatever Ghostscript leaks stays small.
/// Idle workers cost only memory; the pool kills them all when disposed.
/// </summary>
internal sealed class GhostscriptPool(ConversionOptions options, string root, ILogger log) : IDisposable
{
    private const int JobsPerWorker = GhostscriptWorker.MaxJobs;
    private readonly ConcurrentBag<GhostscriptWorker> _idle = [];
    private readonly SemaphoreSlim _slots = new(options.Parallelism > 0 ? options.Parallelism : Environment.ProcessorCount);
    private bool _disposed;

    public async Task<string> RunAsync(string body, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunOnWorkerAsync(body, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<string> RunOnWorkerAsync(string body, CancellationToken cancellationToken)
    {
        if (!_idle.TryTake(out var worker) || !worker.IsAlive)
        {
            worker?.Dispose();
            worker = GhostscriptWorker.Start(options, root, log);
        }
        var healthy = false;
        try
        {
            var said = await worker.RunAsync(body, options.ConverterTimeout, cancellationToken).ConfigureAwait(false);
            healthy = true;
            return said;
        }
        finally
        {
            if (healthy && worker.IsAlive && worker.Jobs < JobsPerWorker && !_disposed) _idle.Add(worker);
            else worker.Dispose();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var worker)) worker.Dispose();
        _slots.Dispose();
    }
}
