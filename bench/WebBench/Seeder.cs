using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Core.Preservation;
using Archive.Core.Storage;
using SearchBench;
using Field = Archive.Core.Catalog.Tt02Fields.Document;

namespace WebBench;

/// <summary>
/// Files synthetic documents into a data folder through the archive's own services: the dossiers by
/// <see cref="CatalogService.CreateDossier"/>, each document by <see cref="DocumentFiling.FileAsync"/> (checks, blob, number,
/// audit), its preservation copy and text recorded as the ingest's preservation step records them, and the index fed by
/// <see cref="ArchiveIndexing"/> a chunk at a time. Only the PDF/A conversion is left out: the content is a small PDF made here.
/// </summary>
internal sealed class Seeder(CatalogService catalog, DocumentFiling filing, ArchiveIndexing indexing, ArchiveStore store,
    TimeProvider clock, Actor actor)
{
    /// <summary>The agency `archive demo` creates; every dossier is its own, so its records officer may read every document.</summary>
    public const string Agency = "000.00.00.H42";
    private const int DossiersPerYear = 50;
    // Many filings in flight at once, so that one fsync of the catalog log and of a blob folder covers several of them.
    private const int InFlight = 32;
    // Documents indexed per call: one Lucene commit each.
    private const int Chunk = 2_000;
    private static readonly string[] Maintenance = ["Vĩnh viễn", "10 năm", "20 năm", "50 năm", "5 năm"];

    private readonly SyntheticArchive _synthetic = new(seed: 42);
    private readonly AgencyCode _agency = AgencyCode.Parse(Agency);

    /// <returns>The ids of the documents filed, in the order of their synthetic number.</returns>
    public async Task<string[]> RunAsync(int documents, CancellationToken cancellationToken)
    {
        var clockTime = Stopwatch.StartNew();
        var dossiers = CreateDossiers();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Dossiers: {dossiers} created in {clockTime.Elapsed.TotalSeconds:F1} s"));
        var ids = new string[documents];
        for (var start = 0; start < documents; start += Chunk)
        {
            var end = Math.Min(documents, start + Chunk);
            await Parallel.ForEachAsync(Enumerable.Range(start, end - start),
                new ParallelOptions { MaxDegreeOfParallelism = InFlight, CancellationToken = cancellationToken },
                async (n, ct) => ids[n] = await FileAsync(n, ct).ConfigureAwait(false)).ConfigureAwait(false);
            if (await indexing.AddAsync(ids[start..end], cancellationToken).ConfigureAwait(false) is { } warning)
                throw new InvalidOperationException($"Not indexed: {warning}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Filed and indexed {end:N0} / {documents:N0} ({end / clockTime.Elapsed.TotalSeconds:N0} documents/s)"));
        }
        return ids;
    }

    private int CreateDossiers()
    {
        var created = 0;
        for (var year = 2010; year <= 2024; year++)
        for (var k = 1; k <= DossiersPerYear; k++)
        {
            var topic = SyntheticArchive.Topics[(year * DossiersPerYear + k) % SyntheticArchive.Topics.Length];
            var metadata = Tt02Metadata.Empty.With("OrganId", Agency).With("FileCatalog", year.ToString(CultureInfo.InvariantCulture))
                .With("FileNotation", Notation(k)).With("Title", $"Hồ sơ {topic} năm {year}")
                .With("Maintenance", Maintenance[k % Maintenance.Length]).With("Rights", AccessMode.Open.Code)
                .With("Language", "vi").With("Creator", "Văn thư cơ quan");
            catalog.CreateDossier(metadata, actor);
            created++;
        }
        return created;
    }

    private static string Notation(int k) => $"{k:D2}.TH";

    /// <summary>Document <paramref name="n"/> of the synthetic archive, filed into the dossier of its year, with its copies.</summary>
    private async Task<string> FileAsync(int n, CancellationToken cancellationToken)
    {
        var synthetic = _synthetic.Document(n);
        var d = synthetic.Document;
        var date = d.IssuedDate!.Value;
        var dossier = DossierCode.Compose(_agency, date.Year, Notation(n % DossiersPerYear + 1)).Value;
        var metadata = Tt02Metadata.Empty
            .With(Field.DocCode.Tag, $"{Agency}.{date.Year.ToString(CultureInfo.InvariantCulture)}.{n + 1:D6}")
            .With(Field.TypeName.Tag, d.TypeName).With(Field.CodeNumber.Tag, d.CodeNumber).With(Field.CodeNotation.Tag, d.CodeNotation)
            .With(Field.IssuedDate.Tag, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).With(Field.OrganName.Tag, d.OrganName)
            .With(Field.Subject.Tag, d.Subject).With(Field.Language.Tag, "vi").With(Field.PageAmount.Tag, "1")
            .With(Field.Mode.Tag, AccessMode.Open.Code);
        string[] lines =
        [
            d.OrganName, $"So: {d.CodeNumber}/{d.CodeNotation}", $"Ngay {date:dd/MM/yyyy}", "", d.TypeName.ToUpperInvariant(),
            d.Subject ?? "", "", .. Wrap(synthetic.FullText, 90).Take(40),
        ];
        // The preservation copy and the text are stored first and recorded in the filing's own transaction, as the ingest's
        // preservation step records them (DocumentPreservation.PreserveAsync) in one of its own: one catalog commit per document
        // instead of two (a quarter faster), and the catalog ends up the same.
        var pdfa = await store.Blobs.PutAsync(new MemoryStream(TinyPdf.Make(lines, "WebBench PDF/A copy")), cancellationToken)
            .ConfigureAwait(false);
        var text = await store.Blobs.PutAsync(new MemoryStream(Encoding.UTF8.GetBytes(synthetic.FullText)), cancellationToken)
            .ConfigureAwait(false);
        var filed = await filing.FileAsync(dossier, metadata, new MemoryStream(TinyPdf.Make(lines, "WebBench original")), actor,
            cancellationToken, (session, document) => Preserved(session, document, pdfa, text)).ConfigureAwait(false);
        return filed.Id;
    }

    private void Preserved(ICatalogSession session, ArchivedDocument document, StoredBlob pdfa, StoredBlob text)
    {
        var now = clock.GetLocalNow();
        foreach (var (blob, role) in new[] { (pdfa, DocumentFiling.PdfARole), (text, CatalogIndexSource.TextRole) })
            if (!session.Blobs.Exists(blob.Digest.Hex))
                session.Blobs.Insert(new BlobReference
                {
                    Id = blob.Digest.Hex, Length = blob.Length, StoredAt = now.ToString("O", CultureInfo.InvariantCulture), Role = role,
                    OwnerId = document.Id,
                });
        session.Events.Insert(new PreservationEvent
        {
            Type = PremisEventType.Migration, At = now, ObjectId = document.Id, Agent = "WebBench (synthetic copy)",
            Outcome = PremisEventType.Success, Detail = "PDF/A-2b stand-in made by the web benchmark",
        });
        session.Record(new AuditChange("document.preserve", nameof(ArchivedDocument), document.Id, null,
            JsonSerializer.Serialize(new { Route = "WebBench" })));
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder(width);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > width)
            {
                yield return line.ToString();
                line.Clear();
            }
            line.Append(line.Length > 0 ? " " : "").Append(word);
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
