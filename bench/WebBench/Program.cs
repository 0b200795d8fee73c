using System.Diagnostics;
using System.Globalization;
using Archive.Core;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Indexing;
using Archive.Core.Storage;
using Archive.Search;
using Microsoft.Extensions.DependencyInjection;
using SearchBench;
using WebBench;

// Web workplace benchmark helper (issue 12), run by bench/web.sh: files N synthetic documents into a data folder made by
// `archive demo`, and writes what the load generator asks for: a sample of document ids and a mix of search queries.
// Usage: WebBench seed --data DIR [--docs 100000] --out DIR
if (args.FirstOrDefault() != "seed" || Arg("--data") is not { } data || Arg("--out") is not { } output)
{
    Console.Error.WriteLine("Usage: WebBench seed --data DIR [--docs N] --out DIR");
    return 64;
}
var documents = int.Parse(Arg("--docs") ?? "100000", CultureInfo.InvariantCulture);
var clock = TimeProvider.System;
var log = Serilog.Core.Logger.None;
var folder = new DataFolder(Path.GetFullPath(data));
if (!folder.IsInitialised) throw new InvalidOperationException($"{folder.Root} is not a data folder: run `archive demo` on it first.");

// The composition the command line and `archive serve` build (CliContext.Compose), less the ingest part, which is not used.
using var store = ArchiveStore.Open(folder, clock, log);
using var restricted = new RestrictedCollection(store, new AirGapCheck([], clock), Actor.Scheduler(), clock, log);
await using var services = new ServiceCollection().AddArchiveCore(folder, () => store, () => restricted, clock, log).AddArchiveSearch()
    .BuildServiceProvider();
await services.GetRequiredService<SearchIndex>().OpenAsync(CancellationToken.None);
var actor = Actor.Operator("webbench", Environment.MachineName);

Console.WriteLine($"WebBench: seeding {documents:N0} documents into {folder.Root} ({Environment.ProcessorCount} cores)");
var clockTime = Stopwatch.StartNew();
var ids = await new Seeder(services.GetRequiredService<CatalogService>(), services.GetRequiredService<DocumentFiling>(),
    services.GetRequiredService<ArchiveIndexing>(), store, clock, actor).RunAsync(documents, CancellationToken.None);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Seeded {ids.Length:N0} documents in {clockTime.Elapsed.TotalSeconds:F0} s ({ids.Length / clockTime.Elapsed.TotalSeconds:N0}/s)"));

Directory.CreateDirectory(output);
// A sample of the ids, spread over the whole archive: the document page is asked for these at random.
var random = new Random(12);
await File.WriteAllLinesAsync(Path.Combine(output, "ids.txt"),
    Enumerable.Range(0, Math.Min(ids.Length, 10_000)).Select(_ => ids[random.Next(ids.Length)]));
// Queries as staff type them (SearchBench's mix: words with and without diacritics, phrases, số/ký hiệu, fielded filters,
// OR/NOT), and the examples of issue 12, URL-encoded for the `q` parameter.
string[] typed =
[
    "quyet dinh", "bao ve rung", "quyết định", "bảo vệ rừng phòng hộ", "loai:\"Công văn\" nam:2019", "ngay:[2019-01-01 TO 2019-12-31]",
];
var queries = typed.Concat(QueryMix.Build(500, documents, seed: 2024).Select(q => q.Query)).Select(Uri.EscapeDataString);
await File.WriteAllLinesAsync(Path.Combine(output, "queries.txt"), queries);
return 0;

string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
