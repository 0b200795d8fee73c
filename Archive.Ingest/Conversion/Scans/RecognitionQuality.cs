namespace Archive.Ingest.Conversion.Scans;

/// <summary>
/// How sound recognised text reads: its words that are Vietnamese syllables, numbers or abbreviations ("QĐ-UBND") against
/// those that are not (fragments, stray marks, letters run together) — OCR that failed on a skewed or speckled page leaves
/// the second kind.
/// </summary>
public sealed record RecognitionQuality(int Sound, int Unsound)
{
    private const string Punctuation = ".,;:!?()[]{}\"'“”‘’…-–—/%*";

    public int Words => Sound + Unsound;

    /// <summary>The share of sound words; 0 for a page with none.</summary>
    public double Share => Words == 0 ? 0 : (double)Sound / Words;

    /// <summary>
    /// Next to nothing read (Tesseract finds no lines on a page turned a few degrees), or fewer than 97 in 100 words sound:
    /// worth reading again. A clear page reads 99 in 100 and more; a skewed, speckled one that lost a tenth of its characters
    /// still reads about 9 in 10 (most wrong readings are syllables too).
    /// </summary>
    public bool IsPoor => Words < 5 || Share < 0.97;

    /// <summary>More sound words net of unsound ones: a page read whole beats one read in fragments.</summary>
    public bool IsBetterThan(RecognitionQuality other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Sound - Unsound > other.Sound - other.Unsound;
    }

    public static RecognitionQuality Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int sound = 0, unsound = 0;
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            var word = token.Trim(Punctuation.ToCharArray());
            if (word.Length == 0)
            {
                // A dash or a full stop on its own is punctuation; "¬_" or "`" is what OCR makes of specks.
                if (!token.All(c => Punctuation.Contains(c, StringComparison.Ordinal))) unsound++;
                continue;
            }
            if (word.Split('-', '/').All(SoundPart)) sound++;
            else unsound++;
        }
        return new RecognitionQuality(sound, unsound);
    }

    private static bool SoundPart(string part) =>
        part.Length > 0 && (part.All(c => char.IsAsciiDigit(c) || c is '.' or ',')
            || VietnameseSyllable.IsSyllable(part)
            || part.Length <= 8 && part.All(char.IsUpper));
}
