namespace Archive.Ingest.Pipeline;

/// <summary>
/// One check a received file goes through before the inbox decides (format, envelope, metadata,
/// signatures). A check adds named reasons to the document; it does not store anything.
/// </summary>
public interface IIngestCheck
{
    /// <summary>The stage's name, for the reasons and the log.</summary>
    string Name { get; }

    Task CheckAsync(IngestDocument document, CancellationToken cancellationToken);
}
