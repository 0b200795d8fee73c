namespace Archive.Core.Preservation;

/// <summary>
/// A PREMIS event: something done to a stored object, when, by which agent, and how it went.
/// Kept in the catalog so that an object's whole preservation history can be shown.
/// </summary>
public sealed record PreservationEvent
{
    public string Id { get; init; } = Guid.CreateVersion7().ToString("N");
    /// <summary>A PREMIS event type, see <see cref="PremisEventType"/>.</summary>
    public string Type { get; init; } = "";
    public DateTimeOffset At { get; init; }
    /// <summary>
    /// The object the event concerns: an inbox item id (reception and checks), a document id (from filing on),
    /// or a blob's SHA-256 (fixity). An inbox item names its document, so its id leads to the whole history.
    /// </summary>
    public string ObjectId { get; init; } = "";
    /// <summary>"success" or "failure", PREMIS eventOutcome.</summary>
    public string Outcome { get; init; } = "";
    public string Detail { get; init; } = "";
    /// <summary>The software or person that acted, PREMIS linkingAgent.</summary>
    public string Agent { get; init; } = "";
}
