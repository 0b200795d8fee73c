namespace Archive.Core.Preservation;

/// <summary>
/// The PREMIS "fixity check" events of one run for up to <see cref="Size"/> objects, kept together:
/// a nightly run over a million objects must not add a million catalog records. Each entry is one
/// object's event (same time, agent and type as the batch).
/// </summary>
public sealed record FixityEventBatch
{
    public const int Size = 2000;

    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");
    public string RunId { get; init; } = "";
    public DateTimeOffset At { get; init; }
    public string Agent { get; init; } = "";
    public List<FixityOutcome> Outcomes { get; init; } = [];

    /// <summary>The events one by one, as PREMIS would list them.</summary>
    public IEnumerable<PreservationEvent> Events() => Outcomes.Select(o => new PreservationEvent
    {
        Id = $"{Id}:{o.ObjectId}", Type = PremisEventType.FixityCheck, At = At, ObjectId = o.ObjectId, Agent = Agent,
        Outcome = o.Outcome, Detail = o.Detail,
    });
}

/// <summary>One object's fixity-check outcome within a <see cref="FixityEventBatch"/>.</summary>
public sealed record FixityOutcome(string ObjectId, string Outcome, string Detail);
