using Archive.Search.Querying;

namespace Archive.Tests.Search;

/// <summary>The query language, read into its parts.</summary>
[TestFixture]
public sealed class QueryParserTests
{
    [Test]
    public void Words_side_by_side_must_all_match()
    {
        var root = QueryParser.Parse("quyết định bổ nhiệm").Root;

        Assert.That(root, Is.EqualTo(new AndNode([new WordsNode("quyết", null), new WordsNode("định", null), new WordsNode("bổ", null), new WordsNode("nhiệm", null)]))
            .Using<QueryNode>(Same));
    }

    [Test]
    public void Or_binds_looser_than_and()
    {
        var root = QueryParser.Parse("a b OR c").Root;

        Assert.That(root, Is.TypeOf<OrNode>());
        var or = (OrNode)root!;
        Assert.That(or.Children[0], Is.TypeOf<AndNode>());
        Assert.That(or.Children[1], Is.EqualTo(new WordsNode("c", null)));
    }

    [TestCase("NOT rừng")]
    [TestCase("-rừng")]
    public void Not_and_minus_exclude(string query)
    {
        Assert.That(QueryParser.Parse(query).Root, Is.EqualTo(new NotNode(new WordsNode("rừng", null))));
    }

    [Test]
    public void A_hyphen_inside_a_word_is_not_an_exclusion()
    {
        Assert.That(QueryParser.Parse("QĐ-UBND").Root, Is.EqualTo(new WordsNode("QĐ-UBND", null)));
    }

    [Test]
    public void Fields_take_words_phrases_and_ranges()
    {
        var root = (AndNode)QueryParser.Parse("coquan:\"Sở Y tế\" so:05/QĐ-UBND ngay:[2019-01-01 TO 2019-12-31] nam:{2018 TO *]").Root!;

        Assert.That(root.Children[0], Is.EqualTo(new PhraseNode("Sở Y tế", SearchField.OrganName)));
        Assert.That(root.Children[1], Is.EqualTo(new WordsNode("05/QĐ-UBND", SearchField.Notation)));
        Assert.That(root.Children[2], Is.EqualTo(new RangeNode(SearchField.IssuedDate, "2019-01-01", "2019-12-31", true, true)));
        Assert.That(root.Children[3], Is.EqualTo(new RangeNode(SearchField.Year, "2018", null, false, true)));
    }

    [TestCase("trích_yếu:rừng")]
    [TestCase("TRICHYEU:rừng")]
    [TestCase("trichyeu:rừng")]
    public void Field_names_are_read_folded(string query)
    {
        Assert.That(QueryParser.Parse(query).Root, Is.EqualTo(new WordsNode("rừng", SearchField.Subject)));
    }

    [Test]
    public void Parentheses_group()
    {
        var root = (AndNode)QueryParser.Parse("(rừng OR biển) NOT loai:\"công văn\"").Root!;

        Assert.That(root.Children[0], Is.TypeOf<OrNode>());
        Assert.That(root.Children[1], Is.EqualTo(new NotNode(new PhraseNode("công văn", SearchField.TypeName))));
    }

    [TestCase("\"bảo vệ rừng", "bảo vệ rừng")]
    [TestCase("(bảo vệ", "bảo vệ")]
    [TestCase("bảo vệ)", "bảo vệ")]
    [TestCase("ngay:[2019]", "2019")]
    [TestCase("rừng AND", "rừng")]
    [TestCase("coquan:(Sở Y tế)", "Sở Y tế")]
    public void A_malformed_query_becomes_its_words_with_a_notice(string query, string words)
    {
        var parsed = QueryParser.Parse(query);

        Assert.That(parsed.Notices, Has.Count.EqualTo(1));
        Assert.That(parsed.Root, Is.EqualTo(QueryParser.Parse(words).Root).Using<QueryNode>(Same));
    }

    [Test]
    public void An_empty_query_matches_everything()
    {
        Assert.That(QueryParser.Parse("   ").IsEmpty, Is.True);
    }

    [Test]
    public void A_time_of_day_is_text_not_a_field()
    {
        var parsed = QueryParser.Parse("10:30");

        Assert.That(parsed.Notices, Is.Empty);
        Assert.That(parsed.Root, Is.EqualTo(new WordsNode("10 30", null)));
    }

    // Records compare their lists by reference; compare query trees by what they say.
    private static bool Same(QueryNode a, QueryNode b) => (a, b) switch
    {
        (AndNode x, AndNode y) => x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => Same(p.First, p.Second)),
        (OrNode x, OrNode y) => x.Children.Count == y.Children.Count && x.Children.Zip(y.Children).All(p => Same(p.First, p.Second)),
        (NotNode x, NotNode y) => Same(x.Child, y.Child),
        _ => a.Equals(b),
    };
}
