using System.Reflection;
using LiteDB;

namespace Archive.Core.Storage;

/// <summary>
/// Where LiteDB's log will end once its disk writer has written every page committed so far. LiteDB 5
/// returns from Commit once a transaction's pages are queued for a background writer, and says
/// nothing public about that queue; the catalog waits for the log to reach this offset before a write
/// counts as done. Read by reflection (LiteDB's DiskService.GetVirtualLength(FileOrigin.Log)).
/// </summary>
internal sealed class LiteDbLogEnd
{
    private readonly Func<long> _read;

    private LiteDbLogEnd(Func<long> read) => _read = read;

    /// <summary>Null when this LiteDB version does not have what is read (the caller then checkpoints instead).</summary>
    public static LiteDbLogEnd? Of(LiteDatabase db)
    {
        const BindingFlags Private = BindingFlags.Instance | BindingFlags.NonPublic;
        var engine = typeof(LiteDatabase).GetField("_engine", Private)?.GetValue(db);
        var disk = engine?.GetType().GetField("_disk", Private)?.GetValue(engine);
        var length = disk?.GetType().GetMethod("GetVirtualLength", Private | BindingFlags.Public);
        var origin = length?.GetParameters() is [{ ParameterType.IsEnum: true } parameter] && Enum.TryParse(parameter.ParameterType, "Log", out var log)
            ? log
            : null;
        if (disk is null || length is null || origin is null || length.ReturnType != typeof(long)) return null;
        return new LiteDbLogEnd(() => (long)length.Invoke(disk, [origin])!);
    }

    public long Read() => _read();
}
