// Fills a data folder for bench/transfer.sh: one agency, D closed dossiers, N documents of about S bytes of random content, each
// with a PDF/A blob of the same size beside its original (as ingest keeps them), so a package carries about 2 × N × S bytes.
// Usage: dotnet TransferBench.dll DATA --documents N --size S --dossiers D
using System.Globalization;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Storage;

var data = args[0];
var documents = Arg("--documents", 5000);
var size = Arg("--size", 200_000);
var dossiers = Arg("--dossiers", 10);
const string agency = "000.00.00.H42";
var actor = Actor.Operator("bench", Environment.MachineName);
using var store = ArchiveStore.Open(new DataFolder(data), TimeProvider.System, Serilog.Core.Logger.None);
var catalog = new CatalogService(store, TimeProvider.System);
var filing = new DocumentFiling(store, TimeProvider.System);
catalog.CreateAgency(agency, "Ủy ban nhân dân tỉnh Hà Tĩnh", null, actor);
var codes = Enumerable.Range(1, dossiers).Select(d => catalog.CreateDossier(Tt02Metadata.Empty.With("OrganId", agency)
    .With("FileCatalog", "2015").With("FileNotation", $"{d:D2}.NL").With("Title", $"Hồ sơ nộp lưu thử số {d}")
    .With("Maintenance", "Vĩnh viễn"), actor).FileCode.Value).ToList();
var random = new Random(20261201);
for (var i = 0; i < documents; i++)
{
    var bytes = new byte[size + random.Next(-size / 10, size / 10)];
    random.NextBytes(bytes);
    var metadata = Tt02Metadata.Empty.With("TypeName", "Công văn").With("OrganName", "Sở Nội vụ tỉnh Hà Tĩnh")
        .With("Subject", $"Văn bản thử số {i}").With("PageAmount", "4");
    var document = await filing.FileAsync(codes[i % dossiers], metadata, new MemoryStream(bytes), actor, CancellationToken.None);
    random.NextBytes(bytes);
    var work = store.BeginWork();
    await work.AddBlobAsync(new MemoryStream(bytes), DocumentFiling.PdfARole, document.Id, CancellationToken.None);
    work.Commit(actor, _ => 0);
}
foreach (var code in codes) catalog.CloseDossier(code, actor);
Console.WriteLine(string.Join(' ', codes));

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}
