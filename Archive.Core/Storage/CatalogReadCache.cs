using System.Collections.Concurrent;

namespace Archive.Core.Storage;

/// <summary>
/// What a frequent read found in the catalog (an API token and its account, what a user may search), kept until the
/// catalog's next write: every request reads these, and catalog reads run one at a time. A write of any kind makes every
/// kept value stale, so a revoked token or a withdrawn grant counts at the very next request.
/// </summary>
public sealed class CatalogReadCache<TKey, TValue>(ICatalogStore catalog, int capacity = 1024) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (long Generation, TValue Value)> _kept = new();

    public TValue Read(TKey key, Func<ICatalogSession, TValue> query)
    {
        // Taken before the read: a write meanwhile leaves the value marked older than it is, never newer.
        var generation = catalog.Generation;
        if (_kept.TryGetValue(key, out var kept) && kept.Generation == generation) return kept.Value;
        var value = catalog.Read(query);
        if (_kept.Count >= capacity) _kept.Clear();
        _kept[key] = (generation, value);
        return value;
    }
}
