namespace Archive.Core.Preservation;

/// <summary>The outcome of one fixity run, and where its minutes (biên bản kiểm tra) were written.</summary>
public sealed record FixityReport(
    DateTimeOffset Started,
    TimeSpan Duration,
    long ObjectsChecked,
    long BytesChecked,
    IReadOnlyList<FixityFinding> Findings,
    string MinutesPath)
{
    /// <summary>True when every referenced blob is present and intact now (after any repair).</summary>
    public bool AllIntact => Findings.All(f => f.Fault == FixityFault.Unreferenced || f.RepairedFrom is not null);

    public int Damaged => Findings.Count(f => f.Fault != FixityFault.Unreferenced);

    /// <summary>Backup media named or remembered that could not be used: gone, unmounted, or without a complete set.</summary>
    public IReadOnlyList<string> UnavailableMedia { get; init; } = [];
}
