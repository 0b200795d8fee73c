using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>
/// The values of a multi-valued text field split into syllables once, then replayed as the exact, folded and paired token
/// streams of its three index fields. Splitting is most of analysis, and the three forms come from the same syllables, so
/// indexing splits each text once instead of three times. The syllables come from the analyzer's own exact chain, so index
/// and queries always agree.
/// </summary>
/// <remarks>
/// The folded stream is what the values would give one by one: every syllable, each value starting
/// <see cref="VietnameseAnalyzer.ValueGap"/> positions after the last, so phrases never join two values. The exact and
/// paired fields keep neither positions nor frequencies, so their streams give each term once: a repeated term would
/// index nothing more, yet cost a hash lookup in the index writer, which is most of what indexing a term costs.
/// </remarks>
internal sealed class AnalysedText
{
    // Each distinct exact syllable once, in order of first appearance, with its folded form's number.
    private readonly List<(string Exact, int Folded, bool HasDiacritics)> _distinct = [];
    private readonly List<string> _folded = [];
    private readonly List<Syllable> _syllables = [];
    private int _length;

    private AnalysedText() { }

    /// <summary>One syllable where it occurs: <paramref name="Gaps"/> counts the value boundaries just before it.</summary>
    private readonly record struct Syllable(int Distinct, int Start, int End, int Gaps);

    /// <param name="values">The field's values; blank ones are not values, as <see cref="Schema.DocumentMapper"/> leaves them out.</param>
    public static AnalysedText Of(Analyzer analyzer, string exactField, IEnumerable<string?> values)
    {
        var analysed = new AnalysedText();
        var exactIds = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        var foldedIds = new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> folding = stackalloc char[64];
        int gaps = 0, valueStart = 0, count = 0;
        foreach (var text in values)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (count++ > 0)
            {
                gaps++;
                valueStart = analysed._length + 1;
            }
            using var stream = analyzer.GetTokenStream(exactField, new StringReader(text));
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var exact = term.Buffer.AsSpan(0, term.Length);
                if (!exactIds.TryGetValue(exact, out var id))
                {
                    var exactText = exact.ToString();
                    id = analysed._distinct.Count;
                    exactIds.Dictionary.Add(exactText, id);
                    var folded = Fold(exact, exact.Length <= folding.Length ? folding : new char[exact.Length]);
                    var hasDiacritics = !folded.SequenceEqual(exact);
                    if (!foldedIds.TryGetValue(folded, out var foldedId))
                    {
                        foldedId = analysed._folded.Count;
                        var foldedText = hasDiacritics ? folded.ToString() : exactText;
                        analysed._folded.Add(foldedText);
                        foldedIds.Dictionary.Add(foldedText, foldedId);
                    }
                    analysed._distinct.Add((exactText, foldedId, hasDiacritics));
                }
                analysed._syllables.Add(new Syllable(id, valueStart + offset.StartOffset, valueStart + offset.EndOffset, gaps));
                gaps = 0;
            }
            stream.End();
            analysed._length = valueStart + text.Length;
        }
        return analysed;
    }

    private static ReadOnlySpan<char> Fold(ReadOnlySpan<char> exact, Span<char> into)
    {
        var written = 0;
        foreach (var c in exact)
            if (!VietnameseFolding.IsCombiningMark(c)) into[written++] = VietnameseFolding.Fold(c);
        return into[..written];
    }

    /// <param name="withDiacriticsOnly">
    /// For the exact form: skip syllables without diacritics. A query asks the exact form only for
    /// syllables typed with diacritics, so the others would never be looked up.
    /// </param>
    public TokenStream Stream(AnalysisForm form, bool withDiacriticsOnly = false) => new Replay(this, form, withDiacriticsOnly);

    private sealed class Replay : TokenStream
    {
        private readonly AnalysedText _text;
        private readonly AnalysisForm _form;
        private readonly bool _withDiacriticsOnly;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _position;
        private readonly HashSet<long> _pairs = [];
        private int _next;

        public Replay(AnalysedText text, AnalysisForm form, bool withDiacriticsOnly)
        {
            _text = text;
            _form = form;
            _withDiacriticsOnly = withDiacriticsOnly;
            _term = AddAttribute<ICharTermAttribute>();
            _offset = AddAttribute<IOffsetAttribute>();
            _position = AddAttribute<IPositionIncrementAttribute>();
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _pairs.Clear();
        }

        public override bool IncrementToken() => _form switch
        {
            AnalysisForm.Exact => NextExact(),
            AnalysisForm.Folded => NextFolded(),
            _ => NextPair(),
        };

        private bool NextExact()
        {
            var distinct = _text._distinct;
            while (_next < distinct.Count && _withDiacriticsOnly && !distinct[_next].HasDiacritics) _next++;
            if (_next >= distinct.Count) return false;
            ClearAttributes();
            _term.SetEmpty().Append(distinct[_next++].Exact);
            return true;
        }

        private bool NextFolded()
        {
            var syllables = _text._syllables;
            if (_next >= syllables.Count) return false;
            ClearAttributes();
            var syllable = syllables[_next++];
            _term.SetEmpty().Append(_text._folded[_text._distinct[syllable.Distinct].Folded]);
            _offset.SetOffset(syllable.Start, syllable.End);
            _position.PositionIncrement = 1 + syllable.Gaps * VietnameseAnalyzer.ValueGap;
            return true;
        }

        private bool NextPair()
        {
            var syllables = _text._syllables;
            var distinct = _text._distinct;
            // A pair never spans two values; each distinct pair once.
            for (_next = Math.Max(_next, 1); _next < syllables.Count; _next++)
            {
                var (first, second) = (syllables[_next - 1], syllables[_next]);
                if (second.Gaps > 0) continue;
                var (a, b) = (distinct[first.Distinct].Folded, distinct[second.Distinct].Folded);
                if (!_pairs.Add((long)a << 32 | (uint)b)) continue;
                ClearAttributes();
                _term.SetEmpty().Append(_text._folded[a]).Append(' ').Append(_text._folded[b]);
                _offset.SetOffset(first.Start, second.End);
                _next++;
                return true;
            }
            return false;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text._length, _text._length);
        }
    }
}
