using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Tests.Search;

/// <summary>
/// The text layer a PDF gives when its font lacks the letters Vietnamese adds to Latin-1 (ă, đ, ơ, ư and the tone-marked
/// vowels): those glyphs come from a fallback font of other widths, and a reader that infers spaces from the gaps between
/// glyphs finds a space after such a glyph inside a word ("chố ng", "nộ i", "ngư ờ i") or none where the word ended on one
/// ("Vềviệc"). Deterministic for a seed.
/// </summary>
internal static partial class FontFallbackFaults
{
    [GeneratedRegex(@"\p{L}+|[^\p{L}]+")]
    private static partial Regex Pieces();

    public static string Apply(string text, Random random, double split = 0.5, double runTogether = 0.3)
    {
        var pieces = Pieces().Matches(text).Select(m => m.Value).ToList();
        var output = new StringBuilder(text.Length + text.Length / 8);
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            if (!char.IsLetter(piece[0]))
            {
                output.Append(piece);
                continue;
            }
            for (var k = 0; k < piece.Length; k++)
            {
                output.Append(piece[k]);
                if (piece[k] > 0xFF && k < piece.Length - 1 && random.NextDouble() < split) output.Append(' ');
            }
            // The space after a word that ends on a fallback glyph may vanish.
            if (piece[^1] > 0xFF && i + 2 < pieces.Count && pieces[i + 1] == " " && char.IsLetter(pieces[i + 2][0])
                && random.NextDouble() < runTogether)
                i++;
        }
        return output.ToString();
    }
}
