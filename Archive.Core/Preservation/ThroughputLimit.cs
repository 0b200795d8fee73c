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

    /// <summary>Blocks the calling worker until <paramref name="bytes"/> more fit under the rate.</summary>
    public void Take(int bytes, CancellationToken cancellationToken)
    {
        if (bytesPerSecond is not { } rate) return;
        TimeSpan wait;
        lock (_lock)
        {
            _granted += bytes;
            wait = TimeSpan.FromSeconds((double)_granted / rate) - _clock.Elapsed;
        }
        if (wait > TimeSpan.Zero) cancellationToken.WaitHandle.WaitOne(wait);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
