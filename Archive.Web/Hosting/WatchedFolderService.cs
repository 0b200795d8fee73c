using Archive.Ingest.Intake;

namespace Archive.Web.Hosting;

/// <summary>
/// The watched inbox folder inside `archive serve`: looked at in the background every poll interval,
/// one look at a time, until the server stops (a look under way finishes its current file first).
/// </summary>
public sealed class WatchedFolderService : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly Task _watching;

    private WatchedFolderService(CancellationTokenSource stop, Task watching)
    {
        _stop = stop;
        _watching = watching;
    }

    public static WatchedFolderService Start(WatchedInbox watched)
    {
        var stop = new CancellationTokenSource();
        // Each file is logged by the watched inbox and recorded in the inbox; progress lines are for a person at a terminal.
        var watching = Task.Run(() => watched.WatchAsync(new Progress<string>(), _ => Task.CompletedTask, stop.Token));
        return new WatchedFolderService(stop, watching);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _watching.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked.
        }
        _stop.Dispose();
    }
}
