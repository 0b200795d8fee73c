using System.Diagnostics;
using System.Globalization;
using Archive.Search;
using SearchBench;
using Serilog.Core;

// Search benchmark: indexes N synthetic documents, runs a fixed mix of queries, prints throughput,
// latency percentiles and index size. Usage: SearchBench [--docs N] [--queries N] [--dir PATH] [--keep]
var documents = Option("--docs", 1_000_000);
if (args.FirstOrDefault() == "export")
{
    // The same documents for the FTS5 reference (bench/search.sh): SearchBench export --docs N --out FILE
    await FtsExport.WriteAsync(new SyntheticArchive(seed: 42), documents, args.SkipWhile(a => a != "--out").Skip(1).First());
    return;
}
var queries = Option("--queries", 1_000);
var keep = args.Contains("--keep");
var folder = args.SkipWhile(a => a != "--dir").Skip(1).FirstOrDefault()
             ?? Path.Combine(Path.GetTempPath(), $"archive-search-bench-{Guid.NewGuid():N}");
var culture = CultureInfo.InvariantCulture;

Console.WriteLine($"SearchBench: {documents:N0} documents, {queries:N0} queries, {Environment.ProcessorCount} cores, index at {folder}");
try
{
    using var index = LuceneArchiveIndex.Open(folder, Logger.None);
    var archive = new SyntheticArchive(seed: 42);

    var sample = archive.Documents(1000).Sum(d => d.FullText.Length) / 1000;
    Console.WriteLine($"Average full text: {sample} characters");

    var generation = Stopwatch.StartNew();
    var generated = archive.Documents(Math.Min(documents, 50_000)).Sum(d => d.FullText.Length > 0 ? 1 : 0);
    Console.WriteLine(string.Create(culture, $"Generation alone: {generated / generation.Elapsed.TotalSeconds:N0} docs/s on one core"));

    var indexed = index.Count;
    if (args.Contains("--reuse") && indexed > 0)
    {
        Console.WriteLine($"Reusing the index of {indexed:N0} documents at {folder}");
    }
    else
    {
        // Made first and held in memory, untimed, as the FTS5 reference reads its file before its clock starts.
        var made = archive.Documents(documents).ToList();
        var indexing = Stopwatch.StartNew();
        var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var allocated = GC.GetTotalAllocatedBytes();
        indexed = await index.RebuildAsync(made, CancellationToken.None);
        indexing.Stop();
        var seconds = indexing.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(culture,
            $"Indexing: {indexed:N0} documents in {seconds:F1} s = {indexed / seconds:N0} docs/s (made beforehand; with the final commit)"));
        Console.WriteLine(string.Create(culture,
            $"  garbage collections while indexing: {GC.CollectionCount(0) - gen0} / {GC.CollectionCount(1) - gen1} / " +
            $"{GC.CollectionCount(2) - gen2} (generation 0 / 1 / 2), paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F1} s, " +
            $"{(GC.GetTotalAllocatedBytes() - allocated) / indexed / 1024.0:N0} KiB allocated per document"));
    }
    var size = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
    Console.WriteLine(string.Create(culture, $"Index size: {size / 1024.0 / 1024.0:N0} MiB ({(double)size / indexed:N0} bytes/document)"));

    var searcher = new ArchiveSearcher(index, Logger.None);
    foreach (var profiled in args.SkipWhile(a => a != "--profile").Skip(1).Take(1).SelectMany(q => q.Split('|')))
        Profile.Run(index, searcher, profiled);
    foreach (var warmUp in QueryMix.Build(200, documents, seed: 7)) searcher.Search(warmUp);

    var kinds = new List<string>();
    var mix = QueryMix.Build(queries, documents, seed: 2024, kinds);
    var latencies = new List<(double Ms, string Query, int Total)>(mix.Count);
    var clock = new Stopwatch();
    foreach (var request in mix)
    {
        clock.Restart();
        var results = searcher.Search(request);
        clock.Stop();
        latencies.Add((clock.Elapsed.TotalMilliseconds, request.Query, results.Total));
    }
    if (latencies.Count == 0) return;
    var sorted = latencies.OrderBy(l => l.Ms).ToList();
    double Percentile(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100 * sorted.Count) - 1)].Ms;
    Console.WriteLine(string.Create(culture,
        $"Queries: {mix.Count:N0}, p50 {Percentile(50):F1} ms, p95 {Percentile(95):F1} ms, p99 {Percentile(99):F1} ms, max {sorted[^1].Ms:F1} ms, mean {latencies.Average(l => l.Ms):F1} ms"));
    Console.WriteLine("By kind (count, p50, p99, max):");
    foreach (var group in latencies.Select((l, i) => (Kind: kinds[i], l.Ms)).GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
    {
        var ms = group.Select(g => g.Ms).Order().ToList();
        Console.WriteLine(string.Create(culture,
            $"  {group.Key,-13} {ms.Count,4}  p50 {ms[(ms.Count - 1) / 2],6:F1} ms  p99 {ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(0.99 * ms.Count) - 1)],6:F1} ms  max {ms[^1],6:F1} ms"));
    }
    Console.WriteLine("Slowest queries:");
    foreach (var (ms, query, total) in sorted.TakeLast(args.Contains("--verbose") ? 40 : 5).Reverse())
        Console.WriteLine(string.Create(culture, $"  {ms,8:F1} ms  {total,9:N0} hits  {query}"));
    foreach (var missed in latencies.Where(l => l.Query.Contains('/') && l.Total == 0).Take(args.Contains("--verbose") ? 20 : 0))
        Console.WriteLine($"  not found (restricted documents are every twentieth): {missed.Query}");
    Console.WriteLine(string.Create(culture, $"Notation lookups found: {latencies.Count(l => l.Query.Contains('/') && l.Total > 0)} of {latencies.Count(l => l.Query.Contains('/'))}"));
}
finally
{
    if (!keep && !args.Contains("--reuse") && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
}

int Option(string name, int fallback)
{
    var value = args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    return value is null ? fallback : int.Parse(value, CultureInfo.InvariantCulture);
}
