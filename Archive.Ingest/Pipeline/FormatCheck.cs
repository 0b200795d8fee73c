using Archive.Core.Preservation;
using Archive.Ingest.Formats;

namespace Archive.Ingest.Pipeline;

/// <summary>What the file is, by its content; a file the archive does not accept, or misnamed, is returned.</summary>
public sealed class FormatCheck : IIngestCheck
{
    public string Name => "định dạng";

    public string EventType => PremisEventType.FormatIdentification;

    public string Passed(IngestDocument document) => document.Format?.Description ?? "không rõ";

    public Task CheckAsync(IngestDocument document, CancellationToken cancellationToken)
    {
        using var content = new FileStream(document.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.RandomAccess);
        var format = FormatIdentifier.Identify(content, document.SourceName);
        document.Format = format;
        if (format.Problem is { } problem) document.Reasons.Add(problem);
        return Task.CompletedTask;
    }
}
