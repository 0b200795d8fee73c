using System.Globalization;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Serilog;

namespace Archive.Search;

/// <summary>
/// Keeps this node's search index in step with a catalog that other processes write too (PostgreSQL): it follows the audit log,
/// where every change names what it changed, and indexes again each document changed (or each document of a dossier changed)
/// since the last entry it applied. The position is kept beside the index, written after the index has committed, so a node
/// that was down catches up from where it stopped; a node without a position (a new index, rebuilt from the catalog when
/// opened) starts from the log's end as it was before the index opened.
/// </summary>
public sealed class IndexFeed(ArchiveStore store, SearchIndex index, ILogger log)
{
    private const int Batch = 500;
    private readonly ILogger _log = log.ForContext<IndexFeed>();
    private string PositionFile => Path.Combine(store.Folder.Index, "feed-position");

    /// <summary>Follows the log until cancelled: a pass each time the catalog tells of an append, and every
    /// <paramref name="interval"/> all the same; a failed pass (the database away, say) is logged and tried again.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        var start = Head();
        await index.OpenAsync(cancellationToken).ConfigureAwait(false);
        if (!File.Exists(PositionFile)) Save(start);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _log.Warning(e, "The search index could not follow the catalog; trying again");
            }
            await store.Catalog.WaitForAuditAsync(interval, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies the log's entries after the saved position; returns how many documents were indexed again.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        var position = Position();
        var indexed = 0;
        while (true)
        {
            var entries = store.Catalog.AuditEntries(position + 1, Batch);
            if (entries.Count == 0) return indexed;
            var documents = Changed(entries);
            var source = new CatalogIndexSource(store, log);
            var found = documents.Select(id => (Id: id, Document: source.Find(id))).ToList();
            if (found.Any(f => f.Document is not null))
                await index.IndexAsync(found.Select(f => f.Document).OfType<IndexedDocument>().ToList(), cancellationToken)
                    .ConfigureAwait(false);
            foreach (var (id, _) in found.Where(f => f.Document is null))
                await index.RemoveAsync(id, cancellationToken).ConfigureAwait(false);
            indexed += found.Count;
            position = entries[^1].Sequence;
            Save(position);
            if (found.Count > 0) _log.Debug("Index followed the catalog to entry {Sequence}: {Count} documents", position, found.Count);
        }
    }

    /// <summary>The documents the entries changed: reads change nothing; a dossier's change reaches its documents' fields.</summary>
    private HashSet<string> Changed(IReadOnlyList<AuditEntry> entries)
    {
        var documents = new HashSet<string>(StringComparer.Ordinal);
        var dossiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => !e.Action.EndsWith(".read", StringComparison.Ordinal)
                                                 && !e.Action.EndsWith(".view", StringComparison.Ordinal)))
        {
            if (entry.ObjectType == nameof(ArchivedDocument)) documents.Add(entry.ObjectId);
            else if (entry.ObjectType == nameof(Dossier)) dossiers.Add(entry.ObjectId);
        }
        if (dossiers.Count > 0)
            store.Catalog.Read(s =>
            {
                foreach (var code in dossiers)
                    if (DossierCode.TryParse(code, out var fileCode))
                        foreach (var document in s.Documents.Where(d => d.FileCode == fileCode)) documents.Add(document.Id);
                return 0;
            });
        return documents;
    }

    private long Head() => store.Catalog.LatestAuditEntries(null, 1) is [var last] ? last.Sequence : 0;

    private long Position() =>
        File.Exists(PositionFile) ? long.Parse(File.ReadAllText(PositionFile).Trim(), CultureInfo.InvariantCulture) : Head();

    private void Save(long position)
    {
        var temporary = PositionFile + ".tmp";
        File.WriteAllText(temporary, position.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, PositionFile, overwrite: true);
    }
}
