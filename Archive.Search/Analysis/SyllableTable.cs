namespace Archive.Search.Analysis;

/// <summary>
/// The syllables one indexing thread has met, each numbered, with its folded form and whether it carries diacritics, so
/// that a syllable is folded and made a string once rather than in every document: Vietnamese has a few thousand
/// syllables, and a document repeats them. Not for two threads at once.
/// </summary>
/// <param name="limit">Numbers and names would grow the table without end: past this many syllables it starts afresh.</param>
internal sealed class SyllableTable(int limit = SyllableTable.DefaultLimit)
{
    /// <summary>
    /// Some 40 MB a thread when full, by estimate (two strings and two dictionary entries a syllable), far more than a language's
    /// syllables: what fills it is numbers and names, and forgetting those costs little.
    /// </summary>
    public const int DefaultLimit = 1 << 18;


    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _foldedIds = new(StringComparer.Ordinal);
    private readonly List<Entry> _entries = [];
    private readonly List<string> _folded = [];

    private readonly record struct Entry(string Exact, int Folded, bool HasDiacritics);

    public int Count => _entries.Count;

    public string Exact(int id) => _entries[id].Exact;

    /// <summary>The number of a syllable's folded form: syllables that fold alike share it.</summary>
    public int FoldedId(int id) => _entries[id].Folded;

    public string Folded(int foldedId) => _folded[foldedId];

    public bool HasDiacritics(int id) => _entries[id].HasDiacritics;

    /// <summary>Empties a full table. Only between documents: the numbers handed out before are void after.</summary>
    public void StartAfreshIfFull()
    {
        if (_entries.Count < limit) return;
        _ids.Clear();
        _foldedIds.Clear();
        _entries.Clear();
        _folded.Clear();
    }

    /// <summary>The number of an exact (lower-case NFC) syllable, adding it when new.</summary>
    public int IdOf(ReadOnlySpan<char> exact)
    {
        if (_ids.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(exact, out var id)) return id;
        var exactText = exact.ToString();
        var folding = exact.Length <= 64 ? stackalloc char[exact.Length] : new char[exact.Length];
        var folded = folding[..VietnameseFolding.Fold(exact, folding)];
        var hasDiacritics = !folded.SequenceEqual(exact);
        if (!_foldedIds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(folded, out var foldedId))
        {
            foldedId = _folded.Count;
            var foldedText = hasDiacritics ? folded.ToString() : exactText;
            _folded.Add(foldedText);
            _foldedIds.Add(foldedText, foldedId);
        }
        id = _entries.Count;
        _entries.Add(new Entry(exactText, foldedId, hasDiacritics));
        _ids.Add(exactText, id);
        return id;
    }
}
