using Archive.Search.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Results;

/// <summary>
/// Cuts a passage around the matched words from the stored text: the text is analysed again and
/// the analyzer's offsets say where each folded syllable sits in the original characters, so the
/// marks land on the words as written (with their diacritics, NFC or not).
/// </summary>
internal sealed class SnippetBuilder(Analyzer analyzer)
{
    /// <summary>Only the start of a long text is scanned: enough for a passage, bounded in cost.</summary>
    private const int ScanLimit = 200_000;
    private const int WindowSyllables = 30;
    private const int FallbackLength = 200;

    public Snippet Build(string text, IReadOnlySet<string> marked)
    {
        if (string.IsNullOrEmpty(text)) return Snippet.Empty;
        var scanned = text.Length > ScanLimit ? text[..ScanLimit] : text;
        var (tokens, whole) = Tokens(scanned, marked);
        if (tokens.Count == 0) return new Snippet(Clean(scanned[..Math.Min(FallbackLength, scanned.Length)]) + (scanned.Length > FallbackLength ? " …" : ""), []);

        var (first, last) = BestWindow(tokens);
        var start = first == 0 ? 0 : tokens[first].Start;
        var end = last == tokens.Count - 1 && whole ? scanned.Length : tokens[last].End;
        return Cut(scanned, start, end, tokens.Skip(first).Take(last - first + 1).Where(t => t.Matched).ToList(),
            prefix: start > 0, suffix: end < text.Length);
    }

    /// <summary>The text's syllables, up to a window's length past the first window that shows every marked syllable (then not
    /// <c>Whole</c>): no later window can show more of them, and scanning the rest of the text for one was a seventh of a search's
    /// time.</summary>
    private (List<Token> Tokens, bool Whole) Tokens(string text, IReadOnlySet<string> marked)
    {
        var tokens = new List<Token>();
        var inWindow = new Dictionary<string, int>(StringComparer.Ordinal);
        var window = new Queue<string?>(WindowSyllables);
        using var stream = analyzer.GetTokenStream(IndexFields.Folded(IndexFields.All), new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        // Where a window first showed every marked syllable; a window's length more is read, for the words after it.
        var complete = -1;
        var whole = true;
        while (stream.IncrementToken())
        {
            if (complete >= 0 && tokens.Count >= complete + WindowSyllables)
            {
                whole = false;
                break;
            }
            var syllable = term.ToString();
            var matched = marked.Contains(syllable);
            tokens.Add(new Token(offset.StartOffset, offset.EndOffset, matched));
            if (window.Count == WindowSyllables && window.Dequeue() is { } left && --inWindow[left] == 0) inWindow.Remove(left);
            window.Enqueue(matched ? syllable : null);
            if (!matched) continue;
            inWindow[syllable] = inWindow.GetValueOrDefault(syllable) + 1;
            if (inWindow.Count == marked.Count && complete < 0) complete = tokens.Count;
        }
        stream.End();
        return (tokens, whole);
    }

    /// <summary>The window of syllables with the most matches; the earliest such window wins.</summary>
    private static (int First, int Last) BestWindow(List<Token> tokens)
    {
        var size = Math.Min(WindowSyllables, tokens.Count);
        var inWindow = 0;
        for (var i = 0; i < size; i++) if (tokens[i].Matched) inWindow++;
        var best = inWindow;
        var bestFirst = 0;
        for (var first = 1; first + size <= tokens.Count; first++)
        {
            if (tokens[first - 1].Matched) inWindow--;
            if (tokens[first + size - 1].Matched) inWindow++;
            if (inWindow > best)
            {
                best = inWindow;
                bestFirst = first;
            }
        }
        // Start a little before the first match, so the passage reads as a sentence.
        if (best > 0)
        {
            var firstMatch = tokens.FindIndex(bestFirst, t => t.Matched);
            bestFirst = Math.Max(0, Math.Min(bestFirst, firstMatch - 5));
        }
        return (bestFirst, Math.Min(tokens.Count - 1, bestFirst + size - 1));
    }

    private static Snippet Cut(string text, int start, int end, List<Token> matches, bool prefix, bool suffix)
    {
        var builder = new System.Text.StringBuilder();
        var marks = new List<Range>();
        if (prefix) builder.Append("… ");
        var at = start;
        var i = 0;
        while (i < matches.Count)
        {
            // Adjacent matched syllables separated only by spaces become one mark: «quyết định».
            var j = i;
            while (j + 1 < matches.Count && string.IsNullOrWhiteSpace(text[matches[j].End..matches[j + 1].Start])) j++;
            builder.Append(Clean(text[at..matches[i].Start]));
            var markStart = builder.Length;
            builder.Append(Clean(text[matches[i].Start..matches[j].End]));
            marks.Add(markStart..builder.Length);
            at = matches[j].End;
            i = j + 1;
        }
        builder.Append(Clean(text[at..end]));
        if (suffix) builder.Append(" …");
        return new Snippet(builder.ToString(), marks);
    }

    /// <summary>Line breaks and runs of spaces become one space; the length of what is kept may change, so marks are placed after.</summary>
    private static string Clean(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        if (space) builder.Append(' ');
        return builder.ToString();
    }

    private readonly record struct Token(int Start, int End, bool Matched);
}
