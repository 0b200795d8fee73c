using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Mends the two faults of imperfect text layers (a PDF written with a font that lacks precomposed Vietnamese glyphs, many
/// scanned-and-exported files): a syllable split in two ("chố ng") is joined when the joined word is a syllable and a part is not;
/// syllables run together ("Vềviệc") are parted when the word is no syllable and parts into syllables. Text that is already
/// sound is returned unchanged: every one of its words is a syllable, and a syllable is never touched.
/// </summary>
public static partial class TextLayerRepair
{
    [GeneratedRegex(@"\p{L}+|[^\p{L}]+")]
    private static partial Regex Pieces();

    public static string Repair(string text)
    {
        var pieces = Pieces().Matches(text).Select(m => m.Value).ToList();
        var output = new StringBuilder(text.Length + 16);
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            // word, one space, word: join when that makes a syllable of a part that is none.
            if (VietnameseSyllable.IsWord(piece) && i + 2 < pieces.Count && pieces[i + 1] == " " && VietnameseSyllable.IsWord(pieces[i + 2])
                && (!VietnameseSyllable.IsSyllable(piece) || !VietnameseSyllable.IsSyllable(pieces[i + 2]))
                && HasDiacritics(piece + pieces[i + 2]) && VietnameseSyllable.IsSyllable(piece + pieces[i + 2]))
            {
                output.Append(piece).Append(pieces[i + 2]);
                i += 2;
                continue;
            }
            output.Append(VietnameseSyllable.IsWord(piece) && HasDiacritics(piece) && !VietnameseSyllable.IsSyllable(piece)
                ? Parted(piece)
                : piece);
        }
        return output.ToString();
    }

    /// <summary>Only Vietnamese is mended: a word of plain ASCII letters may be English ("online" is not "on li ne").</summary>
    private static bool HasDiacritics(string word) => word.Any(c => c > 0x7F);

    /// <summary>
    /// A word run together from syllables, parted into the fewest; among those, the one whose syllables more often begin with a
    /// consonant ("vàcác" is "và các", not "vàc ác"), then each as long as it can be from the left ("thựchành" is "thực hành",
    /// not "thự chành"). The word itself when it is not made of syllables.
    /// </summary>
    private static string Parted(string word)
    {
        if (word.Length < 3 || word.Length > 40) return word;
        // best[i]: for word[i..], the fewest syllables, then the most that begin with a consonant; next[i]: where the first ends.
        var best = new (int Count, int Consonants)[word.Length + 1];
        var next = new int[word.Length + 1];
        for (var i = word.Length - 1; i >= 0; i--)
        {
            best[i] = (int.MaxValue, 0);
            for (var end = Math.Min(word.Length, i + 7); end > i; end--)
            {
                if (best[end].Count == int.MaxValue || !VietnameseSyllable.IsSyllable(word[i..end])) continue;
                var consonant = StartsWithConsonant(word[i..end]) ? 1 : 0;
                var candidate = (Count: best[end].Count + 1, Consonants: best[end].Consonants + consonant);
                if (candidate.Count < best[i].Count || candidate.Count == best[i].Count && candidate.Consonants > best[i].Consonants)
                    (best[i], next[i]) = (candidate, end);
            }
        }
        if (best[0].Count is int.MaxValue or < 2) return word;
        var parts = new List<string>();
        for (var at = 0; at < word.Length; at = next[at]) parts.Add(word[at..next[at]]);
        return string.Join(' ', parts);
    }

    private static bool StartsWithConsonant(string syllable) =>
        "bcdđghklmnpqrstvx".Contains(char.ToLowerInvariant(syllable[0]), StringComparison.Ordinal);
}
