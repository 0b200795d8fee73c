using Archive.Core.Preservation;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// The PREMIS event of one ingest stage (DESIGN.md 5): success with what the stage found, or failure
/// with every reason it added, the stage named. The inbox names the received item as its object.
/// </summary>
public static class StageEvent
{
    public static PreservationEvent Of(IIngestCheck check, IngestDocument document, int reasonsBefore, DateTimeOffset at) =>
        Of(check.Name, check.EventType, document.Reasons.Skip(reasonsBefore).ToList(), () => check.Passed(document), at);

    public static PreservationEvent Of(string stage, string type, IReadOnlyList<string> reasons, Func<string> passed, DateTimeOffset at) => new()
    {
        Type = type, At = at, Agent = $"archive ingest ({stage})",
        Outcome = reasons.Count == 0 ? PremisEventType.Success : PremisEventType.Failure,
        Detail = $"{stage}: " + (reasons.Count == 0 ? passed() : "không đạt — " + string.Join("; ", reasons)),
    };
}
