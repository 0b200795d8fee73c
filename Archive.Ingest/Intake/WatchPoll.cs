namespace Archive.Ingest.Intake;

/// <summary>One look at the watched folder: the files taken and finished, and those left for a later look.</summary>
public sealed record WatchPoll(IReadOnlyList<IntakeResult> Finished, IReadOnlyList<string> Waiting)
{
    public static readonly WatchPoll Nothing = new([], []);
}
