using System.Security.Cryptography;
using Archive.Core.Storage;
using Archive.Tests.Support;
using Serilog;

namespace Archive.Tests.Core.Storage;

public sealed class FileBlobStoreTests
{
    private TempFolder _folder = null!;
    private FileBlobStore _store = null!;

    [SetUp]
    public void SetUp()
    {
        _folder = new TempFolder("blobs");
        _store = new FileBlobStore(_folder.Path, CrashPoint.None, new LoggerConfiguration().CreateLogger());
    }

    [TearDown]
    public void TearDown() => _folder.Dispose();

    [Test]
    public async Task Stored_blob_is_named_by_its_sha256_and_reads_back_identically()
    {
        var content = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);

        var blob = await _store.PutAsync(new MemoryStream(content), CancellationToken.None);

        Assert.That(blob.Digest.Hex, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));
        Assert.That(blob.Length, Is.EqualTo(content.Length));
        Assert.That(_store.PathOf(blob.Digest), Does.EndWith($"sha256/{blob.Digest.Hex[..2]}/{blob.Digest.Hex[2..4]}/{blob.Digest.Hex}"));
        using var read = new MemoryStream();
        await using (var stream = _store.OpenRead(blob.Digest)) await stream.CopyToAsync(read);
        Assert.That(read.ToArray(), Is.EqualTo(content));
    }

    [Test]
    public async Task Storing_the_same_bytes_twice_keeps_one_write_once_file()
    {
        var content = "cùng một nội dung"u8.ToArray();
        var first = await _store.PutAsync(new MemoryStream(content), CancellationToken.None);
        var before = File.GetLastWriteTimeUtc(_store.PathOf(first.Digest));

        var second = await _store.PutAsync(new MemoryStream(content), CancellationToken.None);

        Assert.That(second.Digest, Is.EqualTo(first.Digest));
        Assert.That(_store.Enumerate().ToList(), Has.Count.EqualTo(1));
        Assert.That(File.ReadAllBytes(_store.PathOf(first.Digest)), Is.EqualTo(content), "the stored file is kept as it was");
        Assert.That(File.GetLastWriteTimeUtc(_store.PathOf(first.Digest)), Is.GreaterThanOrEqualTo(before),
            "its time is made now: stored again, it is not an orphan to collect");
        Assert.That(File.GetUnixFileMode(_store.PathOf(first.Digest)) & UnixFileMode.UserWrite, Is.EqualTo(UnixFileMode.None),
            "a stored blob is read-only");
        Assert.That(_store.AbandonedWrites(), Is.Empty);
    }

    [Test]
    public async Task The_same_bytes_stored_by_many_writers_at_once_all_succeed_with_one_file()
    {
        var content = RandomNumberGenerator.GetBytes(64 * 1024);

        // Many rounds: the writers must meet between "not there yet" and the rename for the race to show.
        for (var round = 0; round < 5; round++)
        {
            var same = RandomNumberGenerator.GetBytes(16).Concat(content).ToArray();
            var blobs = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _store.PutAsync(new MemoryStream(same), CancellationToken.None))));
            Assert.That(blobs.Select(b => b.Digest).Distinct().Count(), Is.EqualTo(1));
            await _store.VerifyAsync(blobs[0].Digest, CancellationToken.None);
        }
        Assert.That(_store.AbandonedWrites(), Is.Empty, "no temporary file left behind");
    }

    [Test]
    public async Task A_corrupted_blob_is_detected_when_read_and_when_verified()
    {
        var blob = await _store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(100_000)), CancellationToken.None);
        FlipOneByte(_store.PathOf(blob.Digest), 54_321);

        var readAll = async () =>
        {
            await using var stream = _store.OpenRead(blob.Digest);
            await stream.CopyToAsync(Stream.Null);
        };
        var e = Assert.ThrowsAsync<BlobCorruptedException>(() => readAll());
        Assert.That(e!.Expected, Is.EqualTo(blob.Digest));
        Assert.That(e.Actual, Is.Not.EqualTo(blob.Digest));
        Assert.ThrowsAsync<BlobCorruptedException>(() => _store.VerifyAsync(blob.Digest, CancellationToken.None));
    }

    [Test]
    public async Task An_intact_blob_verifies()
    {
        var blob = await _store.PutAsync(new MemoryStream(RandomNumberGenerator.GetBytes(10_000)), CancellationToken.None);
        Assert.DoesNotThrowAsync(() => _store.VerifyAsync(blob.Digest, CancellationToken.None));
    }

    [Test]
    public void A_missing_blob_is_reported_as_missing()
    {
        var digest = Sha256Digest.Compute("không có"u8);
        Assert.That(_store.Exists(digest), Is.False);
        Assert.Throws<BlobMissingException>(() => _store.OpenRead(digest));
    }

    [Test]
    public void A_write_that_fails_half_way_leaves_no_blob_and_no_temporary_file()
    {
        var failing = new FailingStream(bytesBeforeFailure: 3 * 1024 * 1024);

        Assert.ThrowsAsync<IOException>(() => _store.PutAsync(failing, CancellationToken.None));

        Assert.That(_store.Enumerate(), Is.Empty);
        Assert.That(_store.AbandonedWrites(), Is.Empty);
    }

    [Test]
    public async Task A_process_killed_while_writing_a_blob_leaves_it_invisible_and_the_next_start_removes_the_partial_file()
    {
        using var data = new TempFolder("archive-data");
        var init = await Cli.RunAsync("init", "--data", data.Path);
        Assert.That(init.ExitCode, Is.Zero, init.ToString());
        await Cli.RunAsync("agency", "create", "000.00.00.H42", "--name", "UBND tỉnh Hà Tĩnh", "--data", data.Path);
        await Cli.RunAsync("dossier", "create", "--data", data.Path, "--set", "OrganId=000.00.00.H42", "--set", "FileCatalog=2019",
            "--set", "FileNotation=01.TH", "--set", "Title=Hồ sơ thử", "--set", "Maintenance=Vĩnh viễn");
        var big = data.File("../big-" + Guid.NewGuid().ToString("N") + ".bin");
        await File.WriteAllBytesAsync(big, RandomNumberGenerator.GetBytes(8 * 1024 * 1024));
        try
        {
            var killed = await Cli.RunChildAsync(
                ["document", "add", big, "--dossier", "000.00.00.H42.2019.01.TH", "--set", "TypeName=Tờ trình",
                    "--set", "OrganName=Sở Nội vụ", "--data", data.Path],
                new Dictionary<string, string> { ["ARCHIVE_CRASH_AT"] = CrashPoint.BlobMidWrite });
            Assert.That(killed.ExitCode, Is.Not.Zero, "the child must have been killed mid-write");

            var store = new FileBlobStore(Path.Combine(data.Path, "blobs"), CrashPoint.None, new LoggerConfiguration().CreateLogger());
            Assert.That(store.Enumerate(), Is.Empty, "a partial blob must never be visible");
            Assert.That(store.AbandonedWrites(), Has.Count.EqualTo(1));
            Assert.That(store.RemoveAbandonedWrites(), Is.EqualTo(1));
            Assert.That(store.AbandonedWrites(), Is.Empty);
        }
        finally
        {
            File.Delete(big);
        }
    }

    internal static void FlipOneByte(string path, long offset)
    {
        File.SetAttributes(path, FileAttributes.Normal);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Position = offset;
        var b = file.ReadByte();
        file.Position = offset;
        file.WriteByte((byte)(b ^ 0x01));
    }

    private sealed class FailingStream(long bytesBeforeFailure) : Stream
    {
        private long _given;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _given; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_given >= bytesBeforeFailure) throw new IOException("source went away");
            var n = (int)Math.Min(count, bytesBeforeFailure - _given);
            Array.Fill(buffer, (byte)0x5A, offset, n);
            _given += n;
            return n;
        }
    }
}
