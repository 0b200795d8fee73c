namespace Archive.Search.Schema;

/// <summary>
/// The keyword form of a số và ký hiệu: folded, lower case, no spaces, so that
/// <c>123/QĐ-UBND</c>, <c>123/QD-UBND</c> and <c>123/qđ-ubnd</c> are one term.
/// </summary>
internal static class NotationKey
{
    public static string Of(string notation) =>
        string.Concat(Analysis.VietnameseFolding.Fold(notation.Trim()).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>True for a word that looks like a số và ký hiệu: a number, a slash, and more.</summary>
    public static bool LooksLikeNotation(string word)
    {
        var slash = word.IndexOf('/');
        return slash > 0 && slash < word.Length - 1 && char.IsAsciiDigit(word[0]);
    }
}
