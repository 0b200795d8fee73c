using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace Archive.Search;

/// <summary>
/// The index's folder as Lucene reads it: positional reads (pread) into 4 KiB buffers, with no lock and no seek. Lucene.Net's
/// memory-mapped reads take a handle reference per byte and a global lock per clone; its NIOFS reads lock the file, ask its
/// length and seek once per buffer, which under 32 concurrent searches was 17 % of the server's time. bench/web.sh at 100,000
/// documents, 32 connections: memory-mapped 120–150 searches/s, NIOFS with 4 KiB buffers 191–195; peak RSS 303 MB against
/// 484–549 memory-mapped. Writing is Lucene's own.
/// </summary>
internal sealed class IndexFolder(DirectoryInfo path) : NIOFSDirectory(path)
{
    private const int ReadBuffer = 4 * 1024;

    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var handle = OpenHandle(name);
        return new PositionalInput($"PositionalInput(path=\"{Path.Combine(Directory.FullName, name)}\")", handle, 0,
            RandomAccess.GetLength(handle), BufferSize(context), ownsHandle: true);
    }

    /// <summary>The files inside a compound file (.cfs) are read the same way, from one handle the slicer owns.</summary>
    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        return new Slicer(OpenHandle(name), Path.Combine(Directory.FullName, name), BufferSize(context));
    }

    private SafeFileHandle OpenHandle(string name) =>
        File.OpenHandle(Path.Combine(Directory.FullName, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

    private static int BufferSize(IOContext context) =>
        context.Context == IOContext.UsageContext.MERGE ? BufferedIndexInput.MERGE_BUFFER_SIZE : ReadBuffer;

    private sealed class Slicer(SafeFileHandle handle, string path, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new PositionalInput($"PositionalInput({sliceDescription} in path=\"{path}\" slice={offset}:{offset + length})", handle, offset,
                length, bufferSize, ownsHandle: false);

        [Obsolete("Only for reading compound files of Lucene 3.x indexes, which this archive never wrote.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing) handle.Dispose();
        }
    }

    /// <summary>A file, or a slice of one, read at explicit offsets: clones (one per searching thread) share the handle safely.</summary>
    /// <param name="start">Where the file or slice starts in the file.</param>
    private sealed class PositionalInput(string description, SafeFileHandle handle, long start, long length, int bufferSize,
        bool ownsHandle) : BufferedIndexInput(description, bufferSize)
    {
        private bool _isClone;

        public override long Length => length;

        protected override void ReadInternal(byte[] b, int offset, int count)
        {
            // Position is where this read starts (the buffer's start when refilling).
            var at = start + Position;
            if (Position + count > length) throw new EndOfStreamException($"read past EOF: {this}");
            var read = 0;
            while (read < count)
            {
                var got = RandomAccess.Read(handle, b.AsSpan(offset + read, count - read), at + read);
                if (got == 0) throw new EndOfStreamException($"read past EOF: {this}");
                read += got;
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Nothing to move: every read names its offset.
        }

        public override object Clone()
        {
            var clone = (PositionalInput)base.Clone();
            clone._isClone = true;
            return clone;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && ownsHandle && !_isClone) handle.Dispose();
        }
    }
}
