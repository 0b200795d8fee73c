namespace Archive.Ingest.Pipeline;

/// <summary>
/// Finishing what an interrupted run left happens once per process, before its first batch. A batch running beside
/// another (two uploads at once, the watched folder and an upload) must not take the other's pending items for
/// abandoned ones: they are live, and their own request finishes them.
/// </summary>
public sealed class RecoveryGate : IDisposable
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private bool _done;

    public async Task RunOnceAsync(Func<Task> recover, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recover);
        if (Volatile.Read(ref _done)) return;
        await _once.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_done) return;
            await recover().ConfigureAwait(false);
            Volatile.Write(ref _done, true);
        }
        finally
        {
            _once.Release();
        }
    }

    public void Dispose() => _once.Dispose();
}
