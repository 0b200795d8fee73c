using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Microsoft.Extensions.Caching.Memory;

namespace Archive.Search.Results;

/// <summary>
/// The rankings of recent searches, per index reader: the next page of a search, or the same search asked again by anyone
/// with the same rights, is sliced from its ranking instead of searched again (and a page shown before is not built again).
/// A reader never changes, so a ranking is true for as long as its reader is the one searched; a document indexed or removed
/// opens a new reader, whose searches start afresh. Bounded: the least recently used rankings go first, and none outlives ten idle minutes.
/// </summary>
internal sealed class RankingCache : IDisposable
{
    /// <summary>About 10 KB each (a window of 200 documents, the facets, a page or two of hits): 10–20 MB at most.</summary>
    private const int Capacity = 1000;

    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = Capacity, CompactionPercentage = 0.2 });
    // A number per reader, without keeping the reader alive: a closed reader's rankings are never asked for again.
    private readonly ConditionalWeakTable<IndexReader, StrongBox<long>> _readers = [];
    private long _lastReader;

    public Ranking GetOrRank(IndexReader reader, RankingKey key, Func<Ranking> rank)
    {
        var id = _readers.GetValue(reader, _ => new StrongBox<long>(Interlocked.Increment(ref _lastReader))).Value;
        var cacheKey = (id, key);
        if (_cache.TryGetValue(cacheKey, out Ranking? known) && known is not null) return known;
        var ranking = rank();
        _cache.Set(cacheKey, ranking, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = Idle });
        return ranking;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>Everything a ranking depends on besides the reader: the query as typed, the order, the rights, the depth.</summary>
/// <param name="Access">The rights as text (<see cref="For"/>): users with the same rights share rankings, no one else.</param>
internal readonly record struct RankingKey(string Query, SearchSort Sort, string Access, int FacetValues, int Depth)
{
    public static RankingKey For(SearchRequest request, int depth)
    {
        var access = request.Access;
        var rights = string.Join('|', access.IncludeRestricted ? "restricted" : "open",
            access.Organs is null ? "*" : string.Join(',', access.Organs.Order(StringComparer.Ordinal)),
            string.Join(',', access.FileCodes.Order(StringComparer.Ordinal)));
        return new RankingKey(request.Query ?? "", request.Sort, rights, Math.Max(1, request.FacetValues), depth);
    }
}
