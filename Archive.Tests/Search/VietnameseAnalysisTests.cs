using System.Text;
using Archive.Search.Analysis;
using Archive.Search.Querying;
using Archive.Search.Schema;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Archive.Tests.Search;

/// <summary>The Vietnamese analysis: syllables, NFC, folding, pairs, and the function-syllable list.</summary>
[TestFixture]
public sealed class VietnameseAnalysisTests
{
    private VietnameseAnalyzer _analyzer = null!;

    [SetUp]
    public void CreateAnalyzer() => _analyzer = new VietnameseAnalyzer();

    [TearDown]
    public void DisposeAnalyzer() => _analyzer.Dispose();

    private List<string> Tokens(string field, string text)
    {
        var tokens = new List<string>();
        using var stream = _analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        return tokens;
    }

    [TestCase("Quyết định", "quyet dinh")]
    [TestCase("ĐỀ ÁN Đường", "de an duong")]
    [TestCase("Thủy lợi, hòa bình", "thuy loi hoa binh")]
    [TestCase("Nghị định 30/2020/NĐ-CP", "nghi dinh 30 2020 nd cp")]
    public void Folding_removes_diacritics_and_đ(string text, string expected)
    {
        Assert.That(string.Join(' ', Tokens(IndexFields.Folded(IndexFields.All), text)), Is.EqualTo(expected));
    }

    [Test]
    public void The_exact_form_keeps_diacritics_in_lower_case()
    {
        Assert.That(Tokens(IndexFields.Exact(IndexFields.All), "Quyết Định số 05"), Is.EqualTo(new[] { "quyết", "định", "số", "05" }));
    }

    [Test]
    public void Decomposed_input_gives_the_same_tokens_as_precomposed()
    {
        const string text = "Ủy ban nhân dân tỉnh Hà Tĩnh quyết định";
        var decomposed = text.Normalize(NormalizationForm.FormD);

        Assert.That(decomposed, Is.Not.EqualTo(text), "the test needs really decomposed input");
        Assert.That(Tokens(IndexFields.Exact(IndexFields.All), decomposed), Is.EqualTo(Tokens(IndexFields.Exact(IndexFields.All), text)));
        Assert.That(Tokens(IndexFields.Folded(IndexFields.All), decomposed), Is.EqualTo(Tokens(IndexFields.Folded(IndexFields.All), text)));
    }

    [TestCase("Hoà bình", "hòa bình")]
    [TestCase("hòa bình", "hòa bình")]
    [TestCase("Thuỷ lợi", "thủy lợi")]
    [TestCase("sức khoẻ", "sức khỏe")]
    [TestCase("Uỷ ban", "ủy ban")]
    [TestCase("quý", "quý")]
    [TestCase("hoàn thành", "hoàn thành")]
    public void Both_tone_placements_give_one_exact_form(string text, string expected)
    {
        Assert.That(string.Join(' ', Tokens(IndexFields.Exact(IndexFields.All), text)), Is.EqualTo(expected));
    }

    [Test]
    public void Pairs_join_adjacent_folded_syllables()
    {
        Assert.That(Tokens(IndexFields.Bigrams(IndexFields.All), "Bảo vệ rừng"), Is.EqualTo(new[] { "bao ve", "ve rung" }));
    }

    [Test]
    public void Indexing_streams_match_what_the_analyzer_gives_queries()
    {
        const string text = "Về việc chăm sóc đàn trâu bò trong mùa rét đậm, chăm sóc đàn trâu";
        var analysed = new AnalysedText(_analyzer, IndexFields.Exact(IndexFields.All), new SyllableTable())
            .Analyse([text.Normalize(NormalizationForm.FormD)]);

        Assert.That(Replay(analysed.Folded), Is.EqualTo(Tokens(IndexFields.Folded(IndexFields.All), text)));
        // The forms without positions or frequencies give each term once.
        Assert.That(Replay(analysed.Pairs),
            Is.EqualTo(Tokens(IndexFields.Bigrams(IndexFields.All), text).Distinct()));
        Assert.That(Replay(analysed.Exact),
            Is.EqualTo(Tokens(IndexFields.Exact(IndexFields.All), text).Where(t => t != VietnameseFolding.Fold(t)).Distinct()));
    }

    [Test]
    public void One_replayed_stream_indexes_what_the_values_one_by_one_would()
    {
        string?[] values = ["Quyết định về việc bảo vệ rừng", null, "  ", "—", "QĐ-UBND", "Bảo vệ rừng phòng hộ; rừng ven biển", "đ"];
        var analysed = new AnalysedText(_analyzer, IndexFields.Exact(IndexFields.All), new SyllableTable()).Analyse(values);
        var replayed = new Document
        {
            new Field(IndexFields.Exact(IndexFields.All), analysed.Exact, RankingOnly),
            new TextField(IndexFields.Folded(IndexFields.All), analysed.Folded),
            new Field(IndexFields.Bigrams(IndexFields.All), analysed.Pairs, RankingOnly),
        };
        var oneByOne = new Document();
        foreach (var value in values.Where(v => !string.IsNullOrWhiteSpace(v)))
        {
            var exact = Tokens(IndexFields.Exact(IndexFields.All), value!).Where(t => t != VietnameseFolding.Fold(t));
            oneByOne.Add(new Field(IndexFields.Exact(IndexFields.All), string.Join(' ', exact), RankingOnly));
            oneByOne.Add(new TextField(IndexFields.Folded(IndexFields.All), value, Field.Store.NO));
            oneByOne.Add(new Field(IndexFields.Bigrams(IndexFields.All), value, RankingOnly));
        }

        var expected = Postings(oneByOne);
        Assert.That(Postings(replayed), Is.EqualTo(expected));
        // Phrases stop at a value's end: the next value starts a gap further on, counting the tokenless "—".
        Assert.That(expected, Does.Contain("all.f:qd@" + (7 + 2 * VietnameseAnalyzer.ValueGap)));
        Assert.That(expected, Does.Contain("all.f2:rung phong"));
        Assert.That(expected, Does.Not.Contain("all.f2:rung qd"));
    }

    private static readonly FieldType RankingOnly = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_ONLY, OmitNorms = true };

    /// <summary>Every term of a one-document index with its positions, and the document's length norm per field.</summary>
    private List<string> Postings(Document document)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer)))
            writer.AddDocument(document);
        using var reader = DirectoryReader.Open(directory);
        var leaf = reader.Leaves.Single().AtomicReader;
        var postings = new List<string>();
        foreach (var field in leaf.Fields)
        {
            if (leaf.GetNormValues(field) is { } norms) postings.Add($"{field} norm {norms.Get(0)}");
            var terms = leaf.GetTerms(field).GetEnumerator();
            while (terms.MoveNext())
            {
                var term = terms.Term.Utf8ToString();
                if (terms.DocsAndPositions(null, null) is { } positions)
                {
                    positions.NextDoc();
                    for (var i = 0; i < positions.Freq; i++) postings.Add($"{field}:{term}@{positions.NextPosition()}");
                }
                else postings.Add($"{field}:{term}");
            }
        }
        return postings;
    }

    private static List<string> Replay(Lucene.Net.Analysis.TokenStream stream)
    {
        var tokens = new List<string>();
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) tokens.Add(term.ToString());
        stream.End();
        stream.Dispose();
        return tokens;
    }

    [TestCase("của", true)]
    [TestCase("cua", true)]
    [TestCase("cửa", false)]
    [TestCase("rừng", false)]
    public void Function_syllables_are_known_with_or_without_diacritics(string typed, bool expected)
    {
        var syllable = Syllable.Of(_analyzer, typed).Single();

        Assert.That(syllable.IsFunctionWord, Is.EqualTo(expected));
    }

    [TestCase("123/QĐ-UBND")]
    [TestCase("123/QD-UBND")]
    [TestCase(" 123/qđ-ubnd ")]
    public void Notations_share_one_key(string typed)
    {
        Assert.That(NotationKey.Of(typed), Is.EqualTo("123/qd-ubnd"));
    }
}
