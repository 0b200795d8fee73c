using Archive.Ingest.Pipeline;

namespace Archive.Web.Cli;

/// <summary>The search index of this data folder as the ingest batch sees it: <see cref="IndexUpdate"/> after filing.</summary>
public sealed class SearchIndexUpdate(CliContext context) : IFiledDocumentIndex
{
    public Task AddAsync(IReadOnlyList<string> documentIds, CancellationToken cancellationToken) =>
        IndexUpdate.AfterFilingAsync(context, documentIds, cancellationToken);
}
