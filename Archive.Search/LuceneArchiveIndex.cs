using Archive.Core.Indexing;
using Archive.Search.Analysis;
using Archive.Search.Results;
using Archive.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Serilog;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Archive.Search;

/// <summary>
/// The Lucene index in the data folder (<c>&lt;data&gt;/index</c>), implementing the archive index
/// port. Changes are committed and the near-real-time searcher refreshed before a call returns,
/// so an accepted document is findable at once. At open, an index that is missing, unreadable or
/// of another schema is moved aside and started empty, and <see cref="NeedsRebuild"/> says so:
/// a broken index is never served.
/// </summary>
public sealed class LuceneArchiveIndex : IArchiveIndex, IDisposable
{
    private readonly string _path;
    private readonly ILogger _log;
    private readonly LuceneDirectory _directory;
    private readonly System.Threading.Lock _lifecycle = new();
    // Null when another process holds the index's write lock: this one then only searches.
    private IndexWriter? _writer;
    private SearcherManager _searchers;
    private int _searching;

    private LuceneArchiveIndex(string path, LuceneDirectory directory, bool needsRebuild, ILogger log)
    {
        _path = path;
        _directory = directory;
        _log = log;
        Analyzer = new VietnameseAnalyzer();
        NeedsRebuild = needsRebuild;
        try
        {
            (_writer, _searchers) = OpenWriter();
        }
        catch (LockObtainFailedException)
        {
            _log.Information("Search index at {Path} is being written by another process; opened for searching only", path);
            _writer = null;
            _searchers = new SearcherManager(directory, new SlicedIndexSearcher.Factory());
        }
    }

    /// <summary>True when another process writes the index: searches work, changes throw <see cref="IndexInUseException"/>.</summary>
    public bool IsReadOnly => _writer is null;

    private IndexWriter Writer => _writer ?? throw new IndexInUseException(_path);

    public bool NeedsRebuild { get; private set; }

    /// <summary>This index was rebuilt from the catalog since it was opened: it holds every document filed before that.</summary>
    public bool Rebuilt { get; private set; }

    internal VietnameseAnalyzer Analyzer { get; }

    /// <summary>The rankings of recent searches, per reader (see <see cref="RankingCache"/>).</summary>
    internal RankingCache Rankings { get; } = new();

    /// <summary>Facet ordinals of the open segments, shared by every search of this index.</summary>
    internal FacetOrdinalsCache FacetOrdinals { get; } = new(FacetDefinition.All);

    /// <summary>Opens the index at <paramref name="path"/>, checking it first (see the type's summary).</summary>
    /// <param name="verifyChecksums">Also re-reads every file against its checksum: thorough, and slow on a large index.</param>
    public static LuceneArchiveIndex Open(string path, ILogger log, bool verifyChecksums = false)
    {
        log = log.ForContext<LuceneArchiveIndex>();
        System.IO.Directory.CreateDirectory(path);
        using (var probe = OpenDirectory(path))
        {
            // The process that writes the index checked it when it opened it; never move it away from under it.
            if (IndexWriter.IsLocked(probe) && DirectoryReader.IndexExists(probe))
                return new LuceneArchiveIndex(path, OpenDirectory(path), needsRebuild: false, log);
        }
        var problem = Inspect(path, verifyChecksums);
        if (problem is not null)
        {
            // A missing index is the normal state of a new data folder; an unreadable one is news.
            log.Write(problem == MissingIndex ? Serilog.Events.LogEventLevel.Information : Serilog.Events.LogEventLevel.Warning,
                "Search index at {Path} {Problem}; starting it empty for a rebuild from the catalog", path, problem);
            if (System.IO.Directory.EnumerateFileSystemEntries(path).Any())
            {
                var aside = $"{path}.broken-{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}";
                System.IO.Directory.Move(path, aside);
                log.Warning("Moved the unusable index to {Aside}", aside);
                System.IO.Directory.CreateDirectory(path);
            }
        }
        return new LuceneArchiveIndex(path, OpenDirectory(path), problem is not null, log);
    }

    private static IndexFolder OpenDirectory(string path) => new(new DirectoryInfo(path));

    private const string MissingIndex = "is missing";

    /// <summary>Why the index cannot be served as it is, or null when it can.</summary>
    private static string? Inspect(string path, bool verifyChecksums)
    {
        try
        {
            using var directory = OpenDirectory(path);
            if (!DirectoryReader.IndexExists(directory)) return MissingIndex;
            using var reader = DirectoryReader.Open(directory);
            var schema = reader.IndexCommit.UserData.TryGetValue(IndexFields.SchemaKey, out var version) ? version : null;
            if (schema != IndexFields.SchemaVersion) return $"has schema {schema ?? "(none)"}, not {IndexFields.SchemaVersion}";
            foreach (var leaf in reader.Leaves)
            {
                if (verifyChecksums) leaf.AtomicReader.CheckIntegrity();
                // Touch every segment's structures so a truncated file shows now, not in a user's search.
                _ = leaf.AtomicReader.Fields;
                _ = leaf.AtomicReader.NumDocs;
            }
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException or IndexOutOfRangeException
                                       or NullReferenceException or FormatException or UnauthorizedAccessException)
        {
            return $"is unreadable ({e.GetType().Name}: {e.Message})";
        }
    }

    /// <summary>The number of documents a search sees now.</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    public Task IndexAsync(IndexedDocument document, CancellationToken cancellationToken) => IndexAsync([document], cancellationToken);

    public Task IndexAsync(IEnumerable<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        // Writes are serialised with rebuilds, whose commit would otherwise publish half a rebuild.
        lock (_lifecycle)
        {
            var mapper = new DocumentMapper(Analyzer);
            foreach (var document in documents)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Writer.UpdateDocument(new Term(IndexFields.Id, document.Document.Id), mapper.ToLucene(document));
                _log.Debug("Indexed document {DocumentId}", document.Document.Id);
            }
            // One commit (one fsync) for the lot: a batch of ingested files is searchable together.
            Publish();
        }
        return Task.CompletedTask;
    }

    public Task RemoveAsync(string documentId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lifecycle)
        {
            Writer.DeleteDocuments(new Term(IndexFields.Id, documentId));
            Publish();
        }
        _log.Debug("Removed document {DocumentId} from the index", documentId);
        return Task.CompletedTask;
    }

    public Task<int> RebuildAsync(IEnumerable<IndexedDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        lock (_lifecycle)
        {
            _ = Writer;
            var count = 0;
            try
            {
                Writer.DeleteAll();
                // IndexWriter takes documents from several threads at once, each with a mapper of its own.
                Parallel.ForEach(documents,
                    new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                    () => new DocumentMapper(Analyzer),
                    (document, _, mapper) =>
                    {
                        Writer.AddDocument(mapper.ToLucene(document));
                        Interlocked.Increment(ref count);
                        return mapper;
                    },
                    _ => { });
                Publish();
            }
            catch
            {
                // Nothing of the rebuild was committed: go back to the last commit, which searchers still see.
                _log.Warning("Index rebuild failed after {Count} documents; keeping the previous index", count);
                Writer.Rollback();
                _searchers.Dispose();
                (_writer, _searchers) = OpenWriter();
                throw;
            }
            NeedsRebuild = false;
            Rebuilt = true;
            _log.Information("Rebuilt the search index at {Path}: {Count} documents", _path, count);
            return Task.FromResult(count);
        }
    }

    /// <summary>Runs <paramref name="search"/> on the current searcher, releasing it after.</summary>
    /// <remarks>The search is told whether others run at the same time: then the cores are busy already, and splitting
    /// it over them would only add the cost of splitting.</remarks>
    internal T WithSearcher<T>(Func<SlicedIndexSearcher, bool, T> search)
    {
        var searcher = _searchers.Acquire();
        var running = Interlocked.Increment(ref _searching);
        try
        {
            return search((SlicedIndexSearcher)searcher, running == 1);
        }
        finally
        {
            Interlocked.Decrement(ref _searching);
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        Rankings.Dispose();
        _searchers.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }

    private void Publish()
    {
        Writer.SetCommitData(new Dictionary<string, string> { [IndexFields.SchemaKey] = IndexFields.SchemaVersion });
        Writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    private (IndexWriter, SearcherManager) OpenWriter()
    {
        var config = new IndexWriterConfig(LuceneVersion.LUCENE_48, Analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 256,
            // Segments of bounded size, so that a large index has several to search in parallel.
            MergePolicy = new TieredMergePolicy { MaxMergedSegmentMB = 512 },
        };
        var writer = new IndexWriter(_directory, config);
        if (!DirectoryReader.IndexExists(_directory))
        {
            writer.SetCommitData(new Dictionary<string, string> { [IndexFields.SchemaKey] = IndexFields.SchemaVersion });
            writer.Commit();
        }
        return (writer, new SearcherManager(writer, true, new SlicedIndexSearcher.Factory()));
    }
}
