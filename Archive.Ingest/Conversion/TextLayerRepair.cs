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
    /// A word run together from syllables, parted into the fewest, each as long as it can be from the left ("thựchành" is "thực
    /// hành", not "thự chành"); the word itself when it is not made of syllables.
    /// </summary>
    private static string Parted(string word)
    {
        if (word.Length < 3 || word.Length > 40) return word;
        // fewest[i]: the fewest syllables word[i..] parts into (int.MaxValue: none), next[i]: where the first of them ends.
        var fewest = new int[word.Length + 1];
        var next = new int[word.Length + 1];
        for (var i = word.Length - 1; i >= 0; i--)
        {
            fewest[i] = int.MaxValue;
            for (var end = Math.Min(word.Length, i + 7); end > i; end--)
                if (fewest[end] != int.MaxValue && fewest[end] + 1 < fewest[i] && VietnameseSyllable.IsSyllable(word[i..end]))
                    (fewest[i], next[i]) = (fewest[end] + 1, end);
        }
        if (fewest[0] is int.MaxValue or < 2) return word;
        var parts = new List<string>();
        for (var at = 0; at < word.Length; at = next[at]) parts.Add(word[at..next[at]]);
        return string.Join(' ', parts);
    }
}
