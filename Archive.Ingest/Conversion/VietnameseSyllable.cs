using System.Globalization;
using System.Text;

namespace Archive.Ingest.Conversion;

/// <summary>
/// Whether a word is one Vietnamese syllable: an onset (or none) and a rhyme of the language, with at most one tone mark. Lenient
/// where spelling rules would refuse (k before a, c before e): it decides only whether text a PDF broke apart or ran together is
/// to be mended, and a word called a syllable is never touched.
/// </summary>
public static class VietnameseSyllable
{
    private static readonly string[] Onsets =
    [
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r",
        "s", "t", "v", "x", "",
    ];

    private static readonly HashSet<string> Rhymes = new(StringComparer.Ordinal)
    {
        "a", "ai", "ao", "au", "ay", "an", "ang", "anh", "am", "ap", "at", "ac", "ach",
        "ăn", "ăng", "ăm", "ăp", "ăt", "ăc",
        "âu", "ây", "ân", "âng", "âm", "âp", "ât", "âc",
        "e", "eo", "en", "eng", "em", "ep", "et", "ec",
        "ê", "êu", "ên", "ênh", "êm", "êp", "êt", "êch",
        "i", "ia", "iu", "in", "inh", "im", "ip", "it", "ich", "iêu", "iên", "iêng", "iêm", "iêp", "iêt", "iêc",
        "o", "oa", "oai", "oao", "oay", "oan", "oang", "oanh", "oam", "oap", "oat", "oac", "oach", "oăn", "oăng", "oăm", "oăt", "oăc",
        "oe", "oeo", "oen", "oet", "oi", "on", "ong", "om", "op", "ot", "oc", "oong", "ooc",
        "ô", "ôi", "ôn", "ông", "ôm", "ôp", "ôt", "ôc",
        "ơ", "ơi", "ơn", "ơm", "ơp", "ơt",
        "u", "ua", "uân", "uâng", "uât", "uây", "uê", "uêu", "uên", "uênh", "uêt", "uêch", "ui", "uy", "uya", "uyu", "uyên", "uyêt",
        "uynh", "uych", "uyn", "uyt", "un", "ung", "um", "up", "ut", "uc", "uôi", "uôn", "uông", "uôm", "uôt", "uôc", "uơ",
        "ư", "ưa", "ưi", "ưu", "ưn", "ưng", "ưm", "ưt", "ưc", "ươi", "ươu", "ươn", "ương", "ươm", "ươp", "ươt", "ươc",
        "y", "yêu", "yên", "yêm", "yêt",
    };

    /// <summary>The five tone marks (grave, acute, tilde, hook above, dot below); the vowel marks ^ ˘ and the horn are kept.</summary>
    private static readonly HashSet<char> Tones = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    public static bool IsSyllable(string word)
    {
        if (word.Length is 0 or > 7) return false;
        var decomposed = word.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var tones = decomposed.Count(Tones.Contains);
        if (tones > 1) return false;
        var bare = new string(decomposed.Where(c => !Tones.Contains(c)).ToArray()).Normalize(NormalizationForm.FormC);
        if (!bare.All(c => char.IsLetter(c) && c < 0x2000)) return false;
        // A syllable closed by p, t, c or ch takes only the acute or the dot below ("tổc" and "đểp" are none).
        if (tones == 1 && !decomposed.Contains('\u0301') && !decomposed.Contains('\u0323') && bare[^1] is 'p' or 't' or 'c' or 'h'
            && (bare[^1] != 'h' || bare.EndsWith("ch", StringComparison.Ordinal)))
            return false;
        foreach (var onset in Onsets)
        {
            if (!bare.StartsWith(onset, StringComparison.Ordinal)) continue;
            var rhyme = bare[onset.Length..];
            if (Rhymes.Contains(rhyme)) return true;
            // "gi" and "qu" end in a vowel the rhyme may also start with: gì = g + i, quy = qu + y.
            if (onset is "gi" && Rhymes.Contains("i" + rhyme) || onset == "g" && rhyme.StartsWith('i') && Rhymes.Contains(rhyme))
                return true;
        }
        return false;
    }

    /// <summary>Whether every character is a letter as Vietnamese writes it: no digits, no marks, nothing of other scripts.</summary>
    public static bool IsWord(string token) =>
        token.Length > 0 && token.All(c => c < 0x2000
            && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter);
}
