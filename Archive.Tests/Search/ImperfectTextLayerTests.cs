using System.Text.RegularExpressions;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Ingest.Conversion;
using Archive.Search;
using Archive.Tests.Support;
using Serilog.Core;

namespace Archive.Tests.Search;

/// <summary>
/// Search that survives imperfect text layers (#16 item 5): 300 documents made of clauses of the Hà Tĩnh regulation, each
/// indexed as written (clean), as a font without Vietnamese glyphs leaves its text layer (broken, see
/// <see cref="FontFallbackFaults"/>) and as the extractor mends that (mended). Every document is sought by three queries of
/// its body words (two adjacent syllables of one clause and one of another, a combination at most five documents have):
/// recall@10 is the share of queries whose document is among the first ten.
/// </summary>
[TestFixture]
public sealed partial class ImperfectTextLayerTests
{
    private const int Documents = 300;

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    private TempFolder _folder = null!;
    private List<(string Id, string Clean)> _corpus = null!;
    private List<(string Id, string Query)> _queries = null!;

    [OneTimeSetUp]
    public void BuildCorpus()
    {
        _folder = new TempFolder("archive-text-layer");
        var clauses = File.ReadAllText(Path.Combine(Ingest.Signatures.SignatureFixtures.RepositoryRoot(), "fixtures", "text",
                "quy-che-ha-tinh.txt")).Normalize(System.Text.NormalizationForm.FormC)
            .Split(['\n', '.', ';', ':'], StringSplitOptions.TrimEntries)
            .Where(c => Words().Matches(c).Count >= 6).Distinct().ToList();
        var random = new Random(5280);
        _corpus = Enumerable.Range(0, Documents)
            .Select(i => ($"doc-{i:D3}", string.Join(". ", Enumerable.Range(0, 5).Select(_ => clauses[random.Next(clauses.Count)])) + "."))
            .ToList();
        // Compared folded, as search folds them ("ngay" is also "ngày"), with the words every document's metadata has.
        var sample = Indexed("x", "");
        var metadata = string.Join(' ', sample.Document.TypeName, sample.Document.Subject, sample.Document.OrganName, sample.DossierTitle);
        var wordsOf = _corpus.ToDictionary(d => d.Id, d => Folded(d.Clean + " " + metadata).Split(' ').ToHashSet());
        _queries = [];
        foreach (var (id, clean) in _corpus)
        {
            var documentClauses = clean.Split(". ", StringSplitOptions.RemoveEmptyEntries);
            for (int tries = 0, made = 0; made < 3 && tries < 200; tries++)
            {
                var first = Words().Matches(documentClauses[random.Next(documentClauses.Length)]).Select(m => m.Value).ToList();
                var other = Words().Matches(documentClauses[random.Next(documentClauses.Length)]).Select(m => m.Value)
                    .Where(w => w.Length >= 3).ToList();
                if (first.Count < 2 || other.Count == 0) continue;
                var at = random.Next(first.Count - 1);
                if (first[at].Length < 2 || first[at + 1].Length < 2) continue;
                var query = new[] { first[at], first[at + 1], other[random.Next(other.Count)] };
                var having = wordsOf.Values.Count(words => query.All(q => words.Contains(Folded(q))));
                if (having > 5) continue;
                _queries.Add((id, string.Join(' ', query)));
                made++;
            }
        }
    }

    private static string Folded(string text) =>
        string.Join(' ', Words().Matches(SearchCorpus.Strip(text).ToLowerInvariant()).Select(m => m.Value));

    private static IndexedDocument Indexed(string id, string text) => SearchCorpus.Document(id, CorpusAgency.Province, "Công văn", null,
        new DateOnly(2020, 5, 4), "Về việc thực hiện quy chế", text, AccessMode.Open, RetentionPeriod.FromYears(10));

    [OneTimeTearDown]
    public void Cleanup() => _folder.Dispose();

    [Test]
    public async Task Body_words_find_their_document_in_broken_text_layers_once_mended()
    {
        var random = new Random(102);
        var broken = _corpus.Select(d => (d.Id, Text: FontFallbackFaults.Apply(d.Clean, random))).ToList();
        Assert.That(broken.Zip(_corpus).Count(p => p.First.Text != p.Second.Clean), Is.EqualTo(Documents), "every text broken");

        var clean = await RecallAsync("clean", _corpus);
        var unmended = await RecallAsync("broken", broken);
        var mended = await RecallAsync("mended", broken.Select(d => (d.Id, TextLayerRepair.Repair(d.Text))).ToList());
        TestContext.Out.WriteLine($"{_queries.Count} queries over {Documents} documents; recall@10: clean {clean.Recall:F3}, "
            + $"broken {unmended.Recall:F3}, mended {mended.Recall:F3}");
        TestContext.Out.WriteLine("mended misses: " + string.Join("; ", mended.Misses.Take(10)));
        TestContext.Out.WriteLine("clean misses: " + string.Join("; ", clean.Misses.Take(10)));

        Assert.That(_queries, Has.Count.GreaterThanOrEqualTo(2 * Documents));
        Assert.That(clean.Recall, Is.GreaterThanOrEqualTo(0.99), string.Join("; ", clean.Misses.Take(10)));
        Assert.That(unmended.Recall, Is.LessThan(0.9), "the faults are the kind that lose documents");
        Assert.That(mended.Recall, Is.GreaterThanOrEqualTo(0.99), string.Join("; ", mended.Misses.Take(10)));
        Assert.That(mended.Misses.Except(clean.Misses).ToList(), Has.Count.LessThanOrEqualTo(_queries.Count / 100),
            "at most one query in a hundred that finds its clean document misses the mended one");
    }

    [Test]
    public void Mending_leaves_the_clean_corpus_as_it_was()
    {
        var changed = _corpus.Where(d => TextLayerRepair.Repair(d.Clean) != d.Clean).Select(d => d.Id).Take(3).ToList();

        Assert.That(changed, Is.Empty, "a sound text was changed, so clean ranking would change");
    }

    private async Task<(double Recall, List<string> Misses)> RecallAsync(string name, IReadOnlyList<(string Id, string Text)> texts)
    {
        using var index = LuceneArchiveIndex.Open(_folder.File(name), Logger.None);
        await index.RebuildAsync(texts.Select(d => Indexed(d.Id, d.Text)).ToList(), CancellationToken.None);
        var searcher = new ArchiveSearcher(index, Logger.None);
        var misses = new List<string>();
        foreach (var (id, query) in _queries)
        {
            var hits = searcher.Search(new SearchRequest { Query = query, PageSize = 10, Access = SearchAccess.OpenRecords }).Hits;
            if (!hits.Any(h => h.Id == id)) misses.Add($"{id}: {query}");
        }
        return (1.0 - (double)misses.Count / _queries.Count, misses);
    }
}
