using Archive.Core.Preservation;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// One check a received file goes through before the inbox decides (format, envelope, metadata,
/// signatures). A check adds named reasons to the document; it does not store anything.
/// </summary>
public interface IIngestCheck
{
    /// <summary>The stage's name, for the reasons and the log.</summary>
    string Name { get; }

    /// <summary>The PREMIS event type the stage is recorded as.</summary>
    string EventType => PremisEventType.Validation;

    Task CheckAsync(IngestDocument document, CancellationToken cancellationToken);

    /// <summary>What the stage found when it added no reason, for the preservation history (Vietnamese).</summary>
    string Passed(IngestDocument document) => "đạt";
}
