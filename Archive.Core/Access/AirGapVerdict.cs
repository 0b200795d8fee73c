namespace Archive.Core.Access;

/// <summary>The outcome of the air-gap self-check: passed, or every reason it did not (in Vietnamese).</summary>
public sealed record AirGapVerdict(DateTimeOffset CheckedAt, IReadOnlyList<string> Violations, IReadOnlyList<string> Seen)
{
    public bool Passed => Violations.Count == 0;
}
