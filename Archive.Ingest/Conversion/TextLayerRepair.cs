using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Mends the two faults of imperfect text layers (a PDF written with a font that lacks the letters Vietnamese adds to Latin-1,
/// many scanned-and-exported files): a syllable split apart ("chố ng", "ngư ờ i") and syllables run together ("Vềviệc"). The
/// fallback font's glyphs have other widths, so the space a reader infers is wrong right after such a letter: there a space is
/// cheap to remove or to add, elsewhere dear, and a space between two syllables after a Latin-1 letter ("thú y") is never
/// removed. Each run of words a single space apart is read again as the fewest syllables at the least cost. Text that is
/// already sound is returned unchanged: its words are syllables and no two of them make one across such a letter.
/// </summary>
public static partial class TextLayerRepair
{
    // Combining marks belong to the word: decomposed text is left as it is (the extractor composes it first).
    [GeneratedRegex(@"[\p{L}\p{M}]+(?: [\p{L}\p{M}]+)*|[^\p{L}\p{M}]+")]
    private static partial Regex Runs();

    public static string Repair(string text)
    {
        var output = new StringBuilder(text.Length + 16);
        foreach (Match run in Runs().Matches(text))
            output.Append(char.IsLetter(run.Value[0]) ? Mended(run.Value) : run.Value);
        return output.ToString();
    }

    /// <summary>A run of words a space apart, mended; the run itself when it is sound.</summary>
    private static string Mended(string run)
    {
        var words = run.Split(' ');
        if (!words.All(VietnameseSyllable.IsWord) || Sound(words)) return run;
        return new Segmentation(words).Best() ?? run;
    }

    private static bool Sound(string[] words)
    {
        for (var w = 0; w < words.Length; w++)
        {
            if (!VietnameseSyllable.IsSyllable(words[w]) && !Foreign(words[w])) return false;
            if (w + 1 < words.Length && words[w][^1] > 0xFF && VietnameseSyllable.IsSyllable(words[w] + words[w + 1])) return false;
        }
        return true;
    }

    /// <summary>Only Vietnamese is mended: a word of plain ASCII letters may be English ("online" is not "on li ne").</summary>
    private static bool HasDiacritics(string word) => word.Any(c => c > 0x7F);

    /// <summary>A word of plain letters longer than a piece of a syllable: another language or an abbreviation.</summary>
    private static bool Foreign(string word) => !HasDiacritics(word) && word.Length > 2 && !VietnameseSyllable.IsSyllable(word);

    /// <summary>
    /// The run's letters read as units: syllables, or a word kept as it was. Cost: one per unit (fewest syllables first), a
    /// removed or added space a fraction, less after a letter beyond Latin-1; a kept word that is broken Vietnamese ten (the last
    /// resort); a
    /// unit that begins with a consonant a little less ("vàcác" is "và các", not "vàc ác").
    /// </summary>
    private sealed class Segmentation
    {
        private const int Longest = 7;
        private const double KeptBroken = 10;
        private readonly string _letters;
        private readonly string[] _words;
        private readonly int[] _wordOf;
        private readonly int[] _wordStart;

        public Segmentation(string[] words)
        {
            _words = words;
            _letters = string.Concat(words);
            _wordOf = new int[_letters.Length];
            _wordStart = new int[words.Length + 1];
            for (int w = 0, at = 0; w < words.Length; at += words[w].Length, w++)
            {
                _wordStart[w] = at;
                Array.Fill(_wordOf, w, at, words[w].Length);
            }
            _wordStart[words.Length] = _letters.Length;
        }

        public string? Best()
        {
            var n = _letters.Length;
            var cost = new double[n + 1];
            var from = new int[n + 1];
            Array.Fill(cost, double.PositiveInfinity);
            cost[0] = 0;
            for (var i = 0; i < n; i++)
            {
                if (double.IsPositiveInfinity(cost[i]) || Boundary(i) is not { } boundary) continue;
                foreach (var end in Ends(i))
                {
                    if (Unit(i, end) is not { } unit || end < n && Boundary(end) is null) continue;
                    var total = cost[i] + boundary + unit;
                    if (total < cost[end]) (cost[end], from[end]) = (total, i);
                }
            }
            if (double.IsPositiveInfinity(cost[n])) return null;
            var units = new List<string>();
            for (var at = n; at > 0; at = from[at]) units.Add(_letters[from[at]..at]);
            units.Reverse();
            return string.Join(' ', units);
        }

        /// <summary>Where a unit starting at <paramref name="start"/> may end: a syllable's length on, or the end of its word.</summary>
        private IEnumerable<int> Ends(int start)
        {
            for (var end = start + 1; end <= Math.Min(_letters.Length, start + Longest); end++) yield return end;
            var word = _wordOf[start];
            if (start == _wordStart[word] && _wordStart[word + 1] > start + Longest) yield return _wordStart[word + 1];
        }

        /// <summary>What a unit boundary before letter <paramref name="at"/> costs: nothing where a space was.</summary>
        private double? Boundary(int at)
        {
            if (at == 0 || _wordOf[at - 1] != _wordOf[at]) return 0;
            var word = _words[_wordOf[at]];
            if (!HasDiacritics(word) || VietnameseSyllable.IsSyllable(word)) return null;
            return _letters[at - 1] > 0xFF ? 0.2 : 0.4;
        }

        /// <summary>What the unit <c>letters[start..end]</c> costs, or null when it cannot be one.</summary>
        private double? Unit(int start, int end)
        {
            var text = _letters[start..end];
            var onset = "bcdđghklmnpqrstvx".Contains(char.ToLowerInvariant(text[0]), StringComparison.Ordinal) ? -0.01 : 0;
            var first = _wordOf[start];
            var last = _wordOf[end - 1];
            if (first == last && start == _wordStart[first] && end == _wordStart[first + 1])
                return VietnameseSyllable.IsSyllable(text) || !HasDiacritics(text) ? 1 + onset : KeptBroken;
            if (Abbreviation(first, last, start, end)) return 1 + 0.1 * (last - first);
            if (end - start > Longest || !VietnameseSyllable.IsSyllable(text)) return null;
            var joins = 0.0;
            for (var w = first; w < last; w++)
            {
                if (Joined(w) is not { } join) return null;
                joins += join;
            }
            return 1 + onset + joins;
        }

        /// <summary>Whole words of capitals, none a syllable, split after such letters: "HĐ ND" is "HĐND".</summary>
        private bool Abbreviation(int first, int last, int start, int end) =>
            last > first && start == _wordStart[first] && end == _wordStart[last + 1] && end - start <= 12
            && _letters[start..end].All(char.IsUpper)
            && Enumerable.Range(first, last - first + 1).All(w => !VietnameseSyllable.IsSyllable(_words[w]))
            && Enumerable.Range(first, last - first).All(w => _words[w][^1] > 0xFF);

        /// <summary>What removing the space after word <paramref name="w"/> costs, or null when it must stay.</summary>
        private double? Joined(int w)
        {
            string before = _words[w], after = _words[w + 1];
            if (before[^1] > 0xFF) return 0.1;
            if (Foreign(before) || Foreign(after)) return null;
            return VietnameseSyllable.IsSyllable(before) && VietnameseSyllable.IsSyllable(after) ? null : 0.5;
        }
    }
}
