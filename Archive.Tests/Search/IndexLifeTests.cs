using Archive.Tests.Support;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Search;
using Serilog.Core;

namespace Archive.Tests.Search;

/// <summary>The index's life: near-real-time updates, removal, rebuild, and a missing or broken index at start.</summary>
[TestFixture]
public sealed class IndexLifeTests
{
    private TempFolder _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = new TempFolder("archive-search-tests");

    [TearDown]
    public void DeleteFolder() => _folder.Dispose();

    private string IndexPath => _folder.File("index");

    private static IndexedDocument Sample(string id, string subject) =>
        SearchCorpus.Document(id, CorpusAgency.Finance, "Công văn", "15/STC-VP", new DateOnly(2024, 5, 20), subject,
            $"Nội dung: {subject}.", AccessMode.Open, RetentionPeriod.FromYears(10));

    private static int Total(LuceneArchiveIndex index, string query) =>
        new ArchiveSearcher(index, Logger.None).Search(new SearchRequest { Query = query }).Total;

    [Test]
    public void A_missing_index_is_reported_for_rebuild_and_serves_nothing_until_then()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);

        Assert.That(index.NeedsRebuild, Is.True);
        Assert.That(index.Count, Is.Zero);
    }

    [Test]
    public async Task An_indexed_document_is_findable_as_soon_as_the_call_returns()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Sample("d1", "quyết toán kinh phí hội nghị"), CancellationToken.None);

        Assert.That(Total(index, "quyet toan kinh phi"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_search_asked_again_sees_what_was_indexed_or_removed_since()
    {
        // The second asking of the same search is answered from its ranking while the index is unchanged; a change opens a
        // new reader, and the ranking of the old one is not used.
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Sample("d1", "quyết toán kinh phí hội nghị"), CancellationToken.None);
        Assert.That(Total(index, "kinh phí"), Is.EqualTo(1));
        Assert.That(Total(index, "kinh phí"), Is.EqualTo(1));

        await index.IndexAsync(Sample("d2", "kinh phí mua sắm"), CancellationToken.None);
        Assert.That(Total(index, "kinh phí"), Is.EqualTo(2));

        await index.RemoveAsync("d1", CancellationToken.None);
        Assert.That(Total(index, "kinh phí"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_ranking_is_shared_only_by_searches_with_the_same_rights_and_pages_come_from_it()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Enumerable.Range(0, 30).Select(i => Sample($"o{i:D2}", $"kinh phí hội nghị số {i}"))
            .Append(SearchCorpus.Document("r1", CorpusAgency.Finance, "Công văn", "16/STC-VP", new DateOnly(2024, 5, 21),
                "kinh phí mật", "kinh phí mật", AccessMode.Restricted, RetentionPeriod.FromYears(10))), CancellationToken.None);
        var searcher = new ArchiveSearcher(index, Logger.None);
        SearchResults Search(SearchAccess access, int page = 1, int size = 10) =>
            searcher.Search(new SearchRequest { Query = "kinh phí", Access = access, Page = page, PageSize = size });
        var all = new SearchAccess { IncludeRestricted = true };

        Assert.That(Search(all).Total, Is.EqualTo(31));
        Assert.That(Search(SearchAccess.OpenRecords).Total, Is.EqualTo(30), "the restricted document's ranking is not shared");
        Assert.That(Search(new SearchAccess { Organs = new HashSet<string> { "000.00.00.H42" } }).Total, Is.Zero);
        var whole = Search(SearchAccess.OpenRecords, size: 30).Hits.Select(h => h.Id).ToList();
        var paged = Enumerable.Range(1, 3).SelectMany(p => Search(SearchAccess.OpenRecords, p).Hits.Select(h => h.Id)).ToList();
        Assert.That(paged, Is.EqualTo(whole));
    }

    [Test]
    public async Task Indexing_the_same_id_again_replaces_it()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Sample("d1", "quyết toán kinh phí hội nghị"), CancellationToken.None);
        await index.IndexAsync(Sample("d1", "mua sắm trang thiết bị"), CancellationToken.None);

        Assert.That(index.Count, Is.EqualTo(1));
        Assert.That(Total(index, "quyết toán"), Is.Zero);
        Assert.That(Total(index, "trang thiết bị"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_removed_document_is_gone_at_once()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Sample("d1", "quyết toán kinh phí"), CancellationToken.None);
        await index.IndexAsync(Sample("d2", "quyết toán ngân sách"), CancellationToken.None);
        await index.RemoveAsync("d1", CancellationToken.None);

        Assert.That(Total(index, "quyết toán"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_healthy_index_reopens_with_its_documents_and_needs_no_rebuild()
    {
        using (var index = LuceneArchiveIndex.Open(IndexPath, Logger.None))
            await index.RebuildAsync([Sample("d1", "quyết toán"), Sample("d2", "kinh phí")], CancellationToken.None);

        using var reopened = LuceneArchiveIndex.Open(IndexPath, Logger.None, verifyChecksums: true);

        Assert.That(reopened.NeedsRebuild, Is.False);
        Assert.That(reopened.Count, Is.EqualTo(2));
    }

    [Test]
    public async Task A_rebuild_replaces_everything_and_clears_the_rebuild_flag()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Sample("old", "tài liệu cũ"), CancellationToken.None);

        var count = await index.RebuildAsync(SearchCorpus.Build(), CancellationToken.None);

        Assert.That(index.NeedsRebuild, Is.False);
        Assert.That(count, Is.EqualTo(SearchCorpus.Build().Count));
        Assert.That(index.Count, Is.EqualTo(count));
        Assert.That(Total(index, "\"tài liệu cũ\""), Is.Zero, "the old document is gone (a phrase: plain words would accept two of three)");
    }

    [Test]
    public async Task A_failed_rebuild_keeps_the_previous_index()
    {
        using var index = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await index.IndexAsync(Sample("kept", "quyết toán kinh phí"), CancellationToken.None);

        Assert.ThrowsAsync<AggregateException>(() => index.RebuildAsync(Failing(), CancellationToken.None));

        Assert.That(Total(index, "quyết toán"), Is.EqualTo(1));
        await index.IndexAsync(Sample("later", "kinh phí hội nghị"), CancellationToken.None);
        Assert.That(index.Count, Is.EqualTo(2));
    }

    private static IEnumerable<IndexedDocument> Failing()
    {
        yield return Sample("new", "tài liệu mới");
        throw new IOException("catalog read failed");
    }

    [TestCase("truncate")]
    [TestCase("garbage")]
    [TestCase("segments")]
    public async Task A_corrupt_index_is_detected_at_start_moved_aside_and_started_empty(string damage)
    {
        using (var index = LuceneArchiveIndex.Open(IndexPath, Logger.None))
            await index.RebuildAsync(SearchCorpus.Build(), CancellationToken.None);
        Damage(damage);

        using var reopened = LuceneArchiveIndex.Open(IndexPath, Logger.None, verifyChecksums: true);

        Assert.That(reopened.NeedsRebuild, Is.True);
        Assert.That(reopened.Count, Is.Zero);
        Assert.That(Directory.GetDirectories(_folder.Path, "index.broken-*"), Has.Length.EqualTo(1));
        await reopened.RebuildAsync(SearchCorpus.Build(), CancellationToken.None);
        Assert.That(Total(reopened, "rừng phòng hộ"), Is.GreaterThan(0));
    }

    private void Damage(string how)
    {
        var files = Directory.GetFiles(IndexPath).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)).ToList();
        switch (how)
        {
            case "truncate":
                // Every data file cut in half, as a full disk or a crash during copy leaves it.
                foreach (var file in files.Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal)))
                    using (var stream = File.Open(file, FileMode.Open)) stream.SetLength(stream.Length / 2);
                break;
            case "garbage":
                var biggest = files.OrderByDescending(f => new FileInfo(f).Length).First();
                var bytes = File.ReadAllBytes(biggest);
                for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64 && i < bytes.Length; i++) bytes[i] ^= 0x5A;
                File.WriteAllBytes(biggest, bytes);
                break;
            case "segments":
                foreach (var file in files.Where(f => Path.GetFileName(f).StartsWith("segments_", StringComparison.Ordinal)))
                    File.WriteAllBytes(file, [1, 2, 3]);
                break;
        }
    }

    [Test]
    public async Task An_index_of_another_schema_is_rebuilt()
    {
        using (var index = LuceneArchiveIndex.Open(IndexPath, Logger.None))
            await index.IndexAsync(Sample("d1", "quyết toán"), CancellationToken.None);
        using (var directory = Lucene.Net.Store.FSDirectory.Open(IndexPath))
        using (var writer = new Lucene.Net.Index.IndexWriter(directory,
                   new Lucene.Net.Index.IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new Lucene.Net.Analysis.Core.KeywordAnalyzer())))
        {
            writer.SetCommitData(new Dictionary<string, string> { ["archive.index.schema"] = "0" });
            writer.Commit();
        }

        using var reopened = LuceneArchiveIndex.Open(IndexPath, Logger.None);

        Assert.That(reopened.NeedsRebuild, Is.True);
        Assert.That(reopened.Count, Is.Zero);
    }

    [Test]
    public async Task A_second_opener_searches_but_may_not_write_while_the_first_holds_the_index()
    {
        using var writer = LuceneArchiveIndex.Open(IndexPath, Logger.None);
        await writer.IndexAsync(Sample("d1", "quyết toán kinh phí"), CancellationToken.None);

        using var reader = LuceneArchiveIndex.Open(IndexPath, Logger.None);

        Assert.That(reader.IsReadOnly, Is.True);
        Assert.That(Total(reader, "quyết toán"), Is.EqualTo(1));
        Assert.ThrowsAsync<IndexInUseException>(() => reader.IndexAsync(Sample("d2", "kinh phí"), CancellationToken.None));
        Assert.That(writer.IsReadOnly, Is.False);
    }
}
