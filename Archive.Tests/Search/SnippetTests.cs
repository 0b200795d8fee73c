using Archive.Search.Analysis;
using Archive.Search.Results;
using NUnit.Framework;

namespace Archive.Tests.Search;

public sealed class SnippetTests
{
    private static readonly string Filler = string.Join(' ', Enumerable.Repeat("các đơn vị thực hiện theo kế hoạch", 20));

    [Test]
    public void The_passage_is_the_first_that_shows_every_searched_word_and_ends_after_it()
    {
        using var analyzer = new VietnameseAnalyzer();
        var text = $"Mở đầu về quyết định. {Filler} Giao nhiệm vụ bảo vệ rừng phòng hộ ven biển. {Filler} "
            + $"Lại bảo vệ rừng phòng hộ. {Filler}";

        var snippet = new SnippetBuilder(analyzer).Build(text, new HashSet<string> { "bao", "ve", "rung" });

        Assert.That(snippet.Marked(), Does.Contain("«bảo vệ rừng»"));
        Assert.That(snippet.Marked(), Does.Contain("Giao nhiệm vụ"), "the first window showing all three words");
        Assert.That(snippet.Text, Does.Not.Contain("Lại"), "not a later one");
        Assert.That(snippet.Text, Does.EndWith(" …"), "the passage stops well before the end of the text");
        Assert.That(snippet.Text.Length, Is.LessThan(300));
    }

    [Test]
    public void When_no_window_shows_every_word_the_one_with_the_most_matches_wins()
    {
        using var analyzer = new VietnameseAnalyzer();
        var text = $"Về rừng. {Filler} Bảo vệ rừng và bảo vệ rừng phòng hộ. {Filler}";

        var snippet = new SnippetBuilder(analyzer).Build(text, new HashSet<string> { "bao", "ve", "rung", "thuy", "san" });

        Assert.That(snippet.Marked(), Does.Contain("«Bảo vệ rừng» và «bảo vệ rừng»"));
        Assert.That(snippet.Text, Does.StartWith("… "));
    }
}
