namespace Archive.Search.Analysis;

/// <summary>How a text field is analysed; the index keeps several forms of the same text side by side.</summary>
internal enum AnalysisForm
{
    /// <summary>Syllables in NFC lower case, diacritics kept: an exact match ranks first.</summary>
    Exact,

    /// <summary>Syllables with diacritics removed and đ → d: matches however the user typed.</summary>
    Folded,

    /// <summary>Folded syllable pairs ("quyet dinh"): words and phrases rank above scattered syllables.</summary>
    FoldedBigrams,
}
