using System.Text;
using Archive.Search.Analysis;
using Archive.Search.Querying;
using Archive.Search.Schema;

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
        const string text = "Về việc chăm sóc đàn trâu bò trong mùa rét đậm";
        var analysed = AnalysedText.Of(_analyzer, IndexFields.Exact(IndexFields.All), text.Normalize(NormalizationForm.FormD));

        Assert.That(Replay(analysed.Stream(AnalysisForm.Folded)), Is.EqualTo(Tokens(IndexFields.Folded(IndexFields.All), text)));
        Assert.That(Replay(analysed.Stream(AnalysisForm.FoldedBigrams)), Is.EqualTo(Tokens(IndexFields.Bigrams(IndexFields.All), text)));
        Assert.That(Replay(analysed.Stream(AnalysisForm.Exact, withDiacriticsOnly: true)),
            Is.EqualTo(Tokens(IndexFields.Exact(IndexFields.All), text).Where(t => t != VietnameseFolding.Fold(t))));
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
