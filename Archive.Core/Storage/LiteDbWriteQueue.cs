using System.Reflection;
using LiteDB;
using Serilog;

namespace Archive.Core.Storage;

/// <summary>
/// LiteDB 5 returns from Commit once a transaction's pages are queued for its background disk
/// writer; the catalog wants a write on disk before it returns, since callers go on to move the
/// received file away or tell the sender it was accepted. LiteDB has no public call that waits for
/// the writer short of a checkpoint, so this reaches the writer queue's Wait() by reflection, and
/// falls back to a checkpoint where that is not there (another LiteDB version).
/// </summary>
internal sealed class LiteDbWriteQueue
{
    private const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
    private readonly Action _wait;

    public LiteDbWriteQueue(LiteDatabase db, ILogger log)
    {
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(db);
        var disk = engine?.GetType().GetField("_disk", Private)?.GetValue(engine);
        var lazy = disk?.GetType().GetField("_queue", Private)?.GetValue(disk);
        var isCreated = lazy?.GetType().GetProperty("IsValueCreated");
        var value = lazy?.GetType().GetProperty("Value");
        var wait = value?.PropertyType.GetMethod("Wait", Type.EmptyTypes);
        if (lazy is null || isCreated is null || value is null || wait is null)
        {
            log.Warning("LiteDB's disk writer queue was not found; every catalog write ends with a checkpoint instead");
            _wait = () => db.Checkpoint();
            return;
        }
        _wait = () =>
        {
            if ((bool)isCreated.GetValue(lazy)!) wait.Invoke(value.GetValue(lazy), null);
        };
    }

    /// <summary>Returns when every page committed so far has been written to the log.</summary>
    public void Wait() => _wait();
}
