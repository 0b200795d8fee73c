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
    private bool _unsynced;
    private bool _confirmedUnsynced;

    private CatalogFileStream(string path, bool isLog)
    {
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, PageSize, FileOptions.RandomAccess);
        _isLog = isLog;
    }

    /// <summary>How many times this file was made durable (fsync).</summary>
    internal int Syncs { get; private set; }

    public static CatalogFileStream Data(string path) => new(path, isLog: false);

    /// <summary>The log beside <paramref name="dataPath"/>, named as LiteDB names it (catalog-log.db), so either can open the catalog.</summary>
    public static CatalogFileStream LogOf(string dataPath) =>
        new(Path.Combine(Path.GetDirectoryName(dataPath)!, Path.GetFileNameWithoutExtension(dataPath) + "-log" + Path.GetExtension(dataPath)), isLog: true);

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

    /// <summary>Makes everything written so far durable, unless it already is.</summary>
    public void FlushToDisk()
    {
        lock (_gate)
        {
            if (_unsynced) Sync();
        }
    }

    public override void SetLength(long value)
    {
        lock (_gate)
        {
            _file.SetLength(value);
            Sync();
        }
    }

    private void Sync()
    {
        _file.Flush(flushToDisk: true);
        _unsynced = _confirmedUnsynced = false;
        Syncs++;
    }

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
        if (disposing)
        {
            FlushToDisk();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
