namespace Archive.Core.Preservation;

/// <summary>How a fixity run behaves: how many blobs at once, how fast at most, where good copies are.</summary>
public sealed record FixityOptions(
    IReadOnlyList<string> BackupTargets,
    int Parallelism,
    long? MaxBytesPerSecond = null,
    bool Repair = true)
{
    public static FixityOptions Default => new([], Environment.ProcessorCount);
}
