// Numbering benchmark (issue 13): N signed outgoing documents in a fresh data folder, then C clients at once take their numbers
// through IssuingService.ReserveNumber, the step the records officers' numbering runs in (each a durable catalog transaction
// with its audit entry). Prints one line: numbers/s, p50, p95, p99 and max latency in ms, and whether the numbers are 1..N
// exactly once.
// Usage: NumberingBench DATA-FOLDER N CLIENTS
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Issuing;
using Archive.Core.Storage;

var folder = new DataFolder(args[0]);
var count = int.Parse(args[1], CultureInfo.InvariantCulture);
var clients = int.Parse(args[2], CultureInfo.InvariantCulture);
const string agency = "000.00.00.H42";
var clock = TimeProvider.System;
using var store = ArchiveStore.Open(folder, clock, Serilog.Core.Logger.None);
var policy = new AccessPolicy();
var catalog = new CatalogService(store, clock, null, policy);
var accounts = new AccountService(store, policy, clock);
var issuing = new IssuingService(store, catalog, new DocumentFiling(store, clock, null, policy), policy, clock);
var setup = Actor.Operator("bench", "numbering");
catalog.CreateAgency(agency, "UBND tỉnh Hà Tĩnh", null, setup);
var dossier = catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", agency).With("FileCatalog", $"{DateTime.Now.Year}")
    .With("FileNotation", "01.VBDI").With("Title", "Văn bản đi").With("Maintenance", "Vĩnh viễn"), setup).FileCode.Value;
foreach (var (login, role) in new[] { ("vthu", "van-thu"), ("ldao", "lanh-dao"), ("cvien", "chuyen-vien") })
    accounts.Create(new NewAccount(login, login, agency, null, [role], "Luu-tru-2019-HT"), setup);
Actor As(string login) => accounts.ActAs(login, "bench", NetworkZone.Networked);

var ids = new List<string>();
for (var i = 0; i < count; i++)
{
    var draft = await issuing.DraftAsync(new NewOutgoingDocument("Công văn", "UBND-VP", $"Công văn {i}", dossier,
        [new OutgoingRecipient { OrganId = "000.00.01.H42", OrganName = "Sở Nội vụ" }]),
        new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"du thao {i} {Guid.NewGuid()}")), As("cvien"), CancellationToken.None);
    issuing.Submit(draft.Id, "ldao", null, As("cvien"));
    await issuing.RecordSignatureAsync(draft.Id, new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"da ky {i} {Guid.NewGuid()}")),
        "Người ký", clock.GetUtcNow(), As("ldao"), CancellationToken.None);
    ids.Add(draft.Id);
}

var queue = new ConcurrentQueue<string>(ids);
var latencies = new ConcurrentBag<double>();
var numbers = new ConcurrentBag<int>();
var officer = As("vthu");
var total = Stopwatch.StartNew();
var threads = Enumerable.Range(0, clients).Select(_ => new Thread(() =>
{
    while (queue.TryDequeue(out var id))
    {
        var one = Stopwatch.StartNew();
        numbers.Add(issuing.ReserveNumber(id, officer).Number);
        latencies.Add(one.Elapsed.TotalMilliseconds);
    }
})).ToList();
threads.ForEach(t => t.Start());
threads.ForEach(t => t.Join());
total.Stop();

var sorted = latencies.Order().ToArray();
double Percentile(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
var exact = numbers.Order().SequenceEqual(Enumerable.Range(1, count));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{count / total.Elapsed.TotalSeconds:F1} {Percentile(0.5):F2} {Percentile(0.95):F2} {Percentile(0.99):F2} {sorted[^1]:F2} " +
    $"{(exact ? "exact" : "WRONG")}"));
return exact ? 0 : 1;
