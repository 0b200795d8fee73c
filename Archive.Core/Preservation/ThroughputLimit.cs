using System.Diagnostics;

namespace Archive.Core.Preservation;

/// <summary>
/// Keeps a long job under a rate (bytes per second) shared by all its workers, so that a nightly
/// fixity run does not starve the people using the archive. Unlimited when the rate is null.
/// </summary>
public sealed class ThroughputLimit(long? bytesPerSecond)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private long _granted;

    public async ValueTask TakeAsync(int bytes, CancellationToken cancellationToken)
    {
        if (bytesPerSecond is not { } rate) return;
        TimeSpan wait;
        lock (_lock)
        {
            _granted += bytes;
            var due = TimeSpan.FromSeconds((double)_granted / rate);
            wait = due - _clock.Elapsed;
        }
        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }
}
