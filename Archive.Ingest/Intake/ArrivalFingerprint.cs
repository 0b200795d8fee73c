namespace Archive.Ingest.Intake;

/// <summary>
/// What one look at a dropped file sees: its size and last write, and those of its companions (the
/// metadata sidecar, a detached signature). Two equal looks in a row mean nobody is writing them.
/// </summary>
public sealed record ArrivalFingerprint(long Length, DateTime LastWriteUtc, string Companions)
{
    public static ArrivalFingerprint Of(FileInfo file, IEnumerable<FileInfo> companions)
    {
        file.Refresh();
        var parts = companions.Where(c => c.Exists).Select(c => $"{c.Name}:{c.Length}:{c.LastWriteTimeUtc.Ticks}");
        return new ArrivalFingerprint(file.Length, file.LastWriteTimeUtc, string.Join("|", parts));
    }
}
