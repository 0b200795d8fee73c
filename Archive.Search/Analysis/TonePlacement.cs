namespace Archive.Search.Analysis;

/// <summary>
/// Vietnamese is written with the tone mark in two places on open syllables ending in oa, oe
/// and uy: "hòa, khỏe, thủy" and "hoà, khoẻ, thuỷ". Both are correct and both occur in the same
/// archive, so the exact form puts the mark on the first vowel, and each spelling finds the
/// other as an exact match. After qu the u belongs to the consonant, so "quý" is left alone.
/// </summary>
internal static class TonePlacement
{
    private const string Bases = "aeouy";
    // For each base vowel, its five toned forms: huyền, sắc, hỏi, ngã, nặng.
    private static readonly string[] Toned = ["àáảãạ", "èéẻẽẹ", "òóỏõọ", "ùúủũụ", "ỳýỷỹỵ"];

    /// <summary>Moves the tone of a lower-case NFC syllable's final oa/oe/uy onto its first vowel, in place.</summary>
    public static void Normalise(char[] buffer, int length)
    {
        // Every toned vowel lies at or past à (U+00E0): most syllables end in a letter before it and need no look.
        if (length < 2 || buffer[length - 1] < '\u00E0') return;
        var (first, firstTone) = Split(buffer[length - 2]);
        var (last, lastTone) = Split(buffer[length - 1]);
        if (lastTone == 0 || firstTone != 0) return;
        if (!((first == 'o' && last is 'a' or 'e') || (first == 'u' && last == 'y'))) return;
        if (first == 'u' && length >= 3 && buffer[length - 3] == 'q') return;
        buffer[length - 2] = Toned[Bases.IndexOf(first)][lastTone - 1];
        buffer[length - 1] = last;
    }

    /// <summary>A vowel as its base letter and tone (1–5), or tone 0 when it has none or is not one of ours.</summary>
    private static (char Base, int Tone) Split(char c)
    {
        var plain = Bases.IndexOf(c);
        if (plain >= 0) return (c, 0);
        for (var i = 0; i < Toned.Length; i++)
        {
            var tone = Toned[i].IndexOf(c);
            if (tone >= 0) return (Bases[i], tone + 1);
        }
        return (c, 0);
    }
}
