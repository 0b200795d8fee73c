// Catalog benchmark (issue 17), run by bench/catalog.sh: one engine, one number of writers, a fresh catalog.
//   1. W writers file N document records into D dossiers through the catalog's own transactions (ICatalogStore.Write,
//      a thousand records and one audit entry each), as the archive files them: the insert rate;
//   2. for S seconds, while the W writers go on filing, one reader asks, in turn, for a dossier's documents (the dossier page),
//      a document by id and the duplicate check of reception (same số, ký hiệu, cơ quan): p50/p99 of each.
// Prints one line: engine writers records seconds rate listing_p50 listing_p99 lookup_p50 lookup_p99 dup_p50 dup_p99 (ms).
// Usage: CatalogBench litedb|postgres FOLDER|CONNECTION RECORDS DOSSIERS WRITERS SECONDS
using System.Diagnostics;
using System.Globalization;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Core.Storage.Postgres;

var (engine, where) = (args[0], args[1]);
var records = int.Parse(args[2], CultureInfo.InvariantCulture);
var dossierCount = int.Parse(args[3], CultureInfo.InvariantCulture);
var writers = int.Parse(args[4], CultureInfo.InvariantCulture);
var seconds = double.Parse(args[5], CultureInfo.InvariantCulture);
const int Batch = 1000;
var log = Serilog.Core.Logger.None;
using ICatalogStore catalog = engine == "postgres"
    ? PostgresCatalogStore.Open(where, TimeProvider.System, log)
    : new LiteCatalogStore(Path.Combine(where, "catalog.db"), TimeProvider.System, log);
var actor = Actor.Operator("bench", "catalog-bench");
var organ = AgencyCode.Parse("000.00.00.H42");
var dossiers = Enumerable.Range(0, dossierCount).Select(i => DossierCode.Parse($"000.00.00.H42.2019.{i + 1:D5}.TH")).ToArray();

ArchivedDocument Document(long n)
{
    var dossier = dossiers[n % dossierCount];
    return new ArchivedDocument
    {
        Id = $"{n:x16}{n * 2654435761 % 1_000_000_007:x16}", DocCode = $"{dossier.Value}.{n / dossierCount + 1:D4}", FileCode = dossier,
        OrganId = organ, FileCatalog = 2019, FileNotation = dossier.Value[^8..], DocOrdinal = (int)(n / dossierCount) + 1,
        TypeName = "Công văn", CodeNumber = (n % 9999 + 1).ToString("D2", CultureInfo.InvariantCulture),
        CodeNotation = $"UBND-{(n / 9999) % 40:D2}", IssuedDate = new DateOnly(2019, 1, 1).AddDays((int)(n % 365)),
        OrganName = "Ủy ban nhân dân tỉnh Hà Tĩnh", Subject = $"Về việc triển khai nhiệm vụ số {n} năm 2019", PageAmount = 2,
        Mode = AccessMode.Open, Origin = DocumentOrigin.BornDigital, Format = "PDF/A-2b",
    };
}

long next = -1;
void File(long upTo)
{
    while (true)
    {
        var start = Interlocked.Add(ref next, Batch) - Batch + 1;
        if (start >= upTo) return;
        var batch = Enumerable.Range(0, (int)Math.Min(Batch, upTo - start)).Select(i => Document(start + i)).ToList();
        catalog.Write(actor, s =>
        {
            s.Documents.InsertMany(batch);
            s.Record(new AuditChange("document.file", nameof(ArchivedDocument), batch[0].Id, null, $"{batch.Count} records"));
            return 0;
        });
    }
}

var load = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => File(records))));
var loadSeconds = load.Elapsed.TotalSeconds;

// Reads while the writers go on filing (a tenth more at most).
using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
var more = Enumerable.Range(0, writers).Select(_ => Task.Run(() =>
{
    while (!stop.IsCancellationRequested && Interlocked.Read(ref next) < records * 1.1) File(Interlocked.Read(ref next) + Batch * writers);
})).ToArray();
var random = new Random(17);
var (listing, lookup, duplicate) = (new List<double>(), new List<double>(), new List<double>());
while (!stop.IsCancellationRequested)
{
    var n = random.NextInt64(records);
    var document = Document(n);
    var dossier = document.FileCode;
    var (number, notation, organName) = (document.CodeNumber, document.CodeNotation, document.OrganName);
    listing.Add(Time(() => catalog.Read(s => s.Documents.Where(d => d.FileCode == dossier).Count)));
    lookup.Add(Time(() => catalog.Read(s => s.Documents.Get(document.Id) is null ? 0 : 1)));
    duplicate.Add(Time(() => catalog.Read(s =>
        s.Documents.Count(d => d.CodeNumber == number && d.CodeNotation == notation && d.OrganName == organName))));
}
await Task.WhenAll(more);
var found = catalog.Read(s => s.Documents.Count());
if (found < records) throw new InvalidOperationException($"{found} records filed of {records}");
Console.WriteLine(string.Join(' ', engine, writers, records, F(loadSeconds), F(records / loadSeconds), P(listing, 50), P(listing, 99),
    P(lookup, 50), P(lookup, 99), P(duplicate, 50), P(duplicate, 99)));
return 0;

static double Time(Func<int> query)
{
    var clock = Stopwatch.StartNew();
    query();
    return clock.Elapsed.TotalMilliseconds;
}

static string P(List<double> values, int percentile)
{
    var sorted = values.Order().ToList();
    return F(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)]);
}

static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
