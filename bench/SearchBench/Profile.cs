using System.Diagnostics;
using System.Globalization;
using Archive.Search;
using Archive.Search.Querying;
using Archive.Search.Results;
using Lucene.Net.Search;

namespace SearchBench;

/// <summary>Where one query's time goes: matching alone, with scoring, with facets, and the whole search.</summary>
internal static class Profile
{
    public static void Run(LuceneArchiveIndex index, ArchiveSearcher searcher, string text)
    {
        var built = new LuceneQueryBuilder(index.Analyzer).Build(QueryParser.Parse(text).Root);
        Console.WriteLine($"Profile of: {text}");
        Time("count only (TotalHitCountCollector)", () => index.WithSearcher((s, _) =>
        {
            var c = new TotalHitCountCollector();
            s.Search(built.Query, c);
            return c.TotalHits;
        }));
        Time("top 20 by score", () => index.WithSearcher((s, _) => s.Search(built.Query, 20).TotalHits));
        Time("top 20 + facets", () => index.WithSearcher((s, _) =>
        {
            var top = TopScoreDocCollector.Create(20, true);
            var facets = new FacetCollector(index.FacetOrdinals);
            s.Search(built.Query, MultiCollector.Wrap(top, facets));
            facets.Results(10);
            return top.TotalHits;
        }));
        Time("whole search", () => searcher.Search(new SearchRequest { Query = text }).Total);
    }

    private static void Time(string what, Func<int> run)
    {
        run();
        var clock = Stopwatch.StartNew();
        var total = 0;
        for (var i = 0; i < 20; i++) total = run();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-40} {clock.Elapsed.TotalMilliseconds / 20,8:F2} ms  ({total:N0} hits)"));
    }
}
