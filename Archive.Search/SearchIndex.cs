using Archive.Core.Indexing;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Search;

/// <summary>
/// The data folder's search index as the host holds it: opened on first use (rebuilt from the catalog first when missing
/// or broken, so a search never runs on half an index), kept open for the life of the process, closed on dispose. It is
/// the archive index port (DESIGN.md 2) the pipeline and the services feed.
/// </summary>
/// <param name="progress">Told about a rebuild of a missing index (the command line shows it on standard error).</param>
public sealed class SearchIndex(ArchiveStore store, ILogger log, IProgress<string>? progress = null) : IArchiveIndex, IDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private LuceneArchiveIndex? _index;

    /// <summary>Never: a missing or broken index is rebuilt before it is handed out.</summary>
    public bool NeedsRebuild => false;

    public async Task<LuceneArchiveIndex> OpenAsync(CancellationToken cancellationToken) =>
        (await OpenCoreAsync(cancellationToken).ConfigureAwait(false)).Index;

    public Task IndexAsync(IndexedDocument document, CancellationToken cancellationToken) => IndexAsync([document], cancellationToken);

    public async Task IndexAsync(IEnumerable<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        var (index, rebuiltNow) = await OpenCoreAsync(cancellationToken).ConfigureAwait(false);
        // A rebuild on opening read the catalog after these were filed, so it holds them already.
        if (!rebuiltNow) await index.IndexAsync(documents, cancellationToken).ConfigureAwait(false);
    }

    public async Task RemoveAsync(string documentId, CancellationToken cancellationToken) =>
        await (await OpenAsync(cancellationToken).ConfigureAwait(false)).RemoveAsync(documentId, cancellationToken).ConfigureAwait(false);

    public async Task<int> RebuildAsync(IEnumerable<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        var index = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (index.IsReadOnly) throw new IndexInUseException(store.Folder.Index);
        return await index.RebuildAsync(documents, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _index?.Dispose();
        _opening.Dispose();
    }

    private async Task<(LuceneArchiveIndex Index, bool RebuiltNow)> OpenCoreAsync(CancellationToken cancellationToken)
    {
        if (_index is { } open) return (open, false);
        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_index is { } opened) return (opened, false);
            _index = await ArchiveIndexStartup.OpenAsync(store, log, cancellationToken, progress: progress).ConfigureAwait(false);
            return (_index, _index.Rebuilt);
        }
        finally
        {
            _opening.Release();
        }
    }
}
