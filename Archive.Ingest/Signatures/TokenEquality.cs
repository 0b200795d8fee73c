using UglyToad.PdfPig.Tokens;

namespace Archive.Ingest.Signatures;

/// <summary>
/// Structural equality of PDF objects. References compare by object number, not by what they point
/// to: a changed target is itself a changed object and is judged on its own.
/// </summary>
internal static class TokenEquality
{
    public static bool Equal(IToken? a, IToken? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (StreamToken x, StreamToken y) => Equal(x.StreamDictionary, y.StreamDictionary) && x.Data.Span.SequenceEqual(y.Data.Span),
        (DictionaryToken x, DictionaryToken y) => x.Data.Count == y.Data.Count &&
            x.Data.All(kv => y.Data.TryGetValue(kv.Key, out var other) && Equal(kv.Value, other)),
        (ArrayToken x, ArrayToken y) => x.Data.Count == y.Data.Count && x.Data.Zip(y.Data).All(p => Equal(p.First, p.Second)),
        (IndirectReferenceToken x, IndirectReferenceToken y) => x.Data.Equals(y.Data),
        (HexToken x, HexToken y) => x.Bytes.SequenceEqual(y.Bytes),
        _ => a.Equals(b),
    };

    /// <summary>The keys whose values differ between two dictionaries, absent keys included.</summary>
    public static IReadOnlyList<string> ChangedKeys(DictionaryToken before, DictionaryToken after) =>
        before.Data.Keys.Union(after.Data.Keys)
            .Where(k => !(before.Data.TryGetValue(k, out var x) & after.Data.TryGetValue(k, out var y)) || !Equal(x, y))
            .Order(StringComparer.Ordinal)
            .ToList();
}
