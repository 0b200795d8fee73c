using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Search.Analysis;
using Archive.Search.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Archive.Tests.Search;

/// <summary>A mapper reuses its fields and analysis from one document to the next: nothing of one may reach the next.</summary>
[TestFixture]
public sealed class DocumentMapperTests
{
    [Test]
    public void One_mapper_over_many_documents_indexes_what_a_fresh_mapper_for_each_would()
    {
        using var analyzer = new VietnameseAnalyzer();
        var bare = SearchCorpus.Document("bare", CorpusAgency.Province, "Công văn", null, null, "", "", AccessMode.Open,
            RetentionPeriod.Permanent) with { Signer = null };
        var signed = SearchCorpus.Document("signed", CorpusAgency.Province, "Quyết định", "7/QĐ-UBND", new DateOnly(2021, 3, 4),
            "Về việc giao đất", "Giao đất cho hộ gia đình; giao đất ở.", AccessMode.Open, RetentionPeriod.Permanent)
            with { Signer = "Nguyễn Văn An" };
        // Documents with and without each optional part, in turns, so a value left from one would show in the next.
        var documents = new List<IndexedDocument> { signed, bare };
        documents.AddRange(SearchCorpus.Build());
        documents.AddRange([bare, signed, bare]);

        // A mapper that forgets its syllables every few of them, as a long rebuild's does every million.
        var reused = new DocumentMapper(analyzer, syllableLimit: 5);
        var once = Dump(analyzer, documents.Select(reused.ToLucene));
        var fresh = Dump(analyzer, documents.Select(d => new DocumentMapper(analyzer).ToLucene(d)));

        Assert.That(once, Is.EqualTo(fresh));
        Assert.That(fresh, Does.Contain("nguoiky.f:an 0@2"), "the signer of the first document is indexed");
        Assert.That(fresh.Count(l => l.StartsWith("nguoiky.f:an ", StringComparison.Ordinal)), Is.EqualTo(2),
            "and only for the signed ones");
        Assert.That(fresh, Does.Contain("all.x:đất 0"));
        Assert.That(fresh, Does.Contain("all.f2:giao dat 0"));
        Assert.That(fresh, Does.Contain("stored 1 id=bare"));
    }

    /// <summary>Every term with its documents and positions, every document's stored fields, norms and doc values.</summary>
    private static List<string> Dump(VietnameseAnalyzer analyzer, IEnumerable<Document> documents)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            // One at a time: the mapper's document is valid until its next call.
            foreach (var document in documents) writer.AddDocument(document);
        }
        using var reader = DirectoryReader.Open(directory);
        var leaf = reader.Leaves.Single().AtomicReader;
        var lines = new List<string>();
        foreach (var field in leaf.Fields)
        {
            var terms = leaf.GetTerms(field).GetEnumerator();
            while (terms.MoveNext())
            {
                var term = terms.Term.Utf8ToString();
                var positions = terms.DocsAndPositions(null, null);
                var docs = positions ?? terms.Docs(null, null);
                while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
                {
                    var at = positions is null
                        ? ""
                        : "@" + string.Join(',', Enumerable.Range(0, positions.Freq).Select(_ => positions.NextPosition()));
                    lines.Add($"{field}:{term} {docs.DocID}{at}");
                }
            }
            if (leaf.GetNormValues(field) is { } norms)
                lines.AddRange(Enumerable.Range(0, leaf.MaxDoc).Select(d => $"norm {field} {d} {norms.Get(d)}"));
        }
        foreach (var info in leaf.FieldInfos)
        {
            if (info.DocValuesType == DocValuesType.SORTED && leaf.GetSortedDocValues(info.Name) is { } sorted)
            {
                var value = new BytesRef();
                foreach (var d in Enumerable.Range(0, leaf.MaxDoc))
                {
                    var ord = sorted.GetOrd(d);
                    if (ord >= 0) sorted.LookupOrd(ord, value);
                    lines.Add($"values {info.Name} {d} {(ord < 0 ? "-" : value.Utf8ToString())}");
                }
            }
            if (info.DocValuesType == DocValuesType.NUMERIC && leaf.GetNumericDocValues(info.Name) is { } numbers)
                lines.AddRange(Enumerable.Range(0, leaf.MaxDoc).Select(d => $"values {info.Name} {d} {numbers.Get(d)}"));
        }
        for (var d = 0; d < leaf.MaxDoc; d++)
            lines.AddRange(leaf.Document(d).Fields.Select(f => $"stored {d} {f.Name}={f.GetStringValue()}"));
        return lines;
    }
}
