namespace Archive.Core.Storage;

/// <summary>
/// A catalog file as LiteDB sees it, with the flushes it asks for made durable at the points recovery
/// depends on. LiteDB 5 flushes its log to disk after every 8 KiB page it appends (about fifteen
/// fsyncs a transaction); recovery only needs a transaction's pages on disk before its confirming
/// page, and that page on disk before the commit counts. So in the log one fsync precedes the
/// confirming page and one follows it; in the data file (written at checkpoints) every flush is an fsync.
/// </summary>
internal sealed class CatalogFileStream : Stream
{
    // LiteDB 5's page layout (BasePage): 8 KiB pages; byte 18 (IsConfirmed) is set on a transaction's last page.
    private const int PageSize = 8192;
    private const int IsConfirmedAt = 18;

    private readonly FileStream _file;
    private readonly bool _isLog;
    private readonly Lock _gate = new();
    private readonly List<(int Generation, long End, TaskCompletionSource Durable)> _waiting = [];
    private bool _unsynced;
    private bool _confirmedUnsynced;
    // Log offsets in this generation of the log (a checkpoint empties the log and starts the next).
    private long _written;
    private long _synced;
    private int _generation;

    private CatalogFileStream(string path, bool isLog)
    {
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, PageSize, FileOptions.RandomAccess);
        _isLog = isLog;
    }

    /// <summary>How many times this file was made durable (fsync).</summary>
    internal int Syncs { get; private set; }

    public static CatalogFileStream Data(string path) => new(path, isLog: false);

    /// <summary>The log beside <paramref name="dataPath"/>, named as LiteDB names it (catalog-log.db), so either can open the catalog.</summary>
    public static CatalogFileStream LogOf(string dataPath) => new(LogPathOf(dataPath), isLog: true);

    public static string LogPathOf(string dataPath) =>
        Path.Combine(Path.GetDirectoryName(dataPath)!, Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath));

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            var confirming = _isLog && buffer.Length == PageSize && buffer[IsConfirmedAt] == 1;
            if (confirming && _unsynced) Sync();
            _file.Write(buffer);
            _unsynced = true;
            _confirmedUnsynced |= confirming;
            _written = Math.Max(_written, _file.Position);
        }
    }

    public override void Flush()
    {
        lock (_gate)
        {
            if (!_isLog || _confirmedUnsynced) Sync();
            else _file.Flush(flushToDisk: false);
        }
    }

    /// <summary>The log's generation: a writer notes it with LiteDB's log end to wait with <see cref="WhenDurableAsync"/>.</summary>
    public int Generation
    {
        get
        {
            lock (_gate) return _generation;
        }
    }

    /// <summary>
    /// Completes once the log holds, on disk, everything up to <paramref name="end"/> of <paramref name="generation"/>, or a
    /// checkpoint has moved that generation into the data file. LiteDB's writer flushes after each transaction's
    /// confirming page; that fsync completes every waiter it covers. Nothing waits on a thread meanwhile (the writer
    /// itself runs on the thread pool).
    /// </summary>
    public Task WhenDurableAsync(int generation, long end)
    {
        lock (_gate)
        {
            if (generation != _generation || _synced >= end) return Task.CompletedTask;
            var durable = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((generation, end, durable));
            return durable.Task;
        }
    }

    public override void SetLength(long value)
    {
        lock (_gate)
        {
            _file.SetLength(value);
            Sync();
            _generation++;
            _written = _synced = value;
            Release();
        }
    }

    private bool _disposed;

    private void Sync()
    {
        _file.Flush(flushToDisk: true);
        _unsynced = _confirmedUnsynced = false;
        _synced = _written;
        Syncs++;
        Release();
    }

    private void Release() =>
        _waiting.RemoveAll(waiter =>
        {
            if (waiter.Generation == _generation && waiter.End > _synced) return false;
            waiter.Durable.SetResult();
            return true;
        });

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        lock (_gate) return _file.Read(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        lock (_gate) return _file.Seek(offset, origin);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => true;
    public override long Length
    {
        get
        {
            lock (_gate) return _file.Length;
        }
    }

    public override long Position
    {
        get
        {
            lock (_gate) return _file.Position;
        }
        set
        {
            lock (_gate) _file.Position = value;
        }
    }

    protected override void Dispose(bool disposing)
    {
        // LiteDB closes the streams it was given when the database closes, and so does the catalog after it: once is enough
        // (a second sync on the closed file failed the close after a heavy load, bench/catalog.sh).
        if (disposing && !_disposed)
        {
            _disposed = true;
            lock (_gate)
            {
                Sync();
                _generation++;
                Release();
            }
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
