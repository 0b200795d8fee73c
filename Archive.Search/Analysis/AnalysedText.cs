using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>
/// The values of a multi-valued text field split into syllables once, then replayed as the exact, folded and paired token
/// streams of its three index fields. Splitting is most of analysis, and the three forms come from the same syllables, so
/// indexing splits each text once instead of three times. The syllables come from the analyzer's own exact chain, so index
/// and queries always agree. One instance serves one indexing thread, document after document: <see cref="Analyse"/>
/// replaces the text, and the streams replay the new one.
/// </summary>
/// <remarks>
/// The folded stream is what the values would give one by one: every syllable, each value starting
/// <see cref="VietnameseAnalyzer.ValueGap"/> positions after the last, so phrases never join two values. The exact and
/// paired fields keep neither positions nor frequencies, so their streams give each term once: a repeated term would
/// index nothing more, yet cost a hash lookup in the index writer, which is most of what indexing a term costs. The exact
/// stream gives only syllables with diacritics: a query asks the exact form only for syllables typed with them.
/// </remarks>
internal sealed class AnalysedText
{
    private readonly Analyzer _analyzer;
    private readonly string _exactField;
    private readonly SyllableTable _table;
    private readonly List<Syllable> _syllables = [];
    // Each syllable of the text once, in order of first appearance; _seen[id] is the number of the text that last met it.
    private readonly List<int> _distinct = [];
    private int[] _seen = [];
    private int _text;
    private int _length;

    public AnalysedText(Analyzer analyzer, string exactField, SyllableTable table)
    {
        _analyzer = analyzer;
        _exactField = exactField;
        _table = table;
        Exact = new Replay(this, AnalysisForm.Exact);
        Folded = new Replay(this, AnalysisForm.Folded);
        Pairs = new Replay(this, AnalysisForm.FoldedBigrams);
    }

    /// <summary>One syllable where it occurs: <paramref name="Gaps"/> counts the value boundaries just before it.</summary>
    private readonly record struct Syllable(int Id, int Start, int End, int Gaps);

    /// <summary>The distinct syllables with diacritics, in their exact form.</summary>
    public TokenStream Exact { get; }

    /// <summary>Every syllable folded, with positions.</summary>
    public TokenStream Folded { get; }

    /// <summary>The distinct pairs of adjacent folded syllables of one value.</summary>
    public TokenStream Pairs { get; }

    /// <param name="values">The field's values; blank ones are not values, as a document leaves them out.</param>
    public AnalysedText Analyse(IEnumerable<string?> values)
    {
        _syllables.Clear();
        _distinct.Clear();
        _text++;
        _length = 0;
        int gaps = 0, valueStart = 0, count = 0;
        foreach (var text in values)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (count++ > 0)
            {
                gaps++;
                valueStart = _length + 1;
            }
            using var stream = _analyzer.GetTokenStream(_exactField, new StringReader(text));
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var id = _table.IdOf(term.Buffer.AsSpan(0, term.Length));
                if (id >= _seen.Length) Array.Resize(ref _seen, Math.Max(id + 1, _seen.Length * 2));
                if (_seen[id] != _text)
                {
                    _seen[id] = _text;
                    _distinct.Add(id);
                }
                _syllables.Add(new Syllable(id, valueStart + offset.StartOffset, valueStart + offset.EndOffset, gaps));
                gaps = 0;
            }
            stream.End();
            _length = valueStart + text.Length;
        }
        return this;
    }

    private sealed class Replay : TokenStream
    {
        private readonly AnalysedText _text;
        private readonly AnalysisForm _form;
        private readonly ICharTermAttribute _term;
        private readonly IOffsetAttribute _offset;
        private readonly IPositionIncrementAttribute _position;
        private readonly HashSet<long> _pairs = [];
        private int _next;

        public Replay(AnalysedText text, AnalysisForm form)
        {
            _text = text;
            _form = form;
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
            var (distinct, table) = (_text._distinct, _text._table);
            while (_next < distinct.Count && !table.HasDiacritics(distinct[_next])) _next++;
            if (_next >= distinct.Count) return false;
            ClearAttributes();
            _term.SetEmpty().Append(table.Exact(distinct[_next++]));
            return true;
        }

        private bool NextFolded()
        {
            var syllables = _text._syllables;
            if (_next >= syllables.Count) return false;
            ClearAttributes();
            var syllable = syllables[_next++];
            var table = _text._table;
            _term.SetEmpty().Append(table.Folded(table.FoldedId(syllable.Id)));
            _offset.SetOffset(syllable.Start, syllable.End);
            _position.PositionIncrement = 1 + syllable.Gaps * VietnameseAnalyzer.ValueGap;
            return true;
        }

        private bool NextPair()
        {
            var (syllables, table) = (_text._syllables, _text._table);
            // A pair never spans two values; each distinct pair once.
            for (_next = Math.Max(_next, 1); _next < syllables.Count; _next++)
            {
                var (first, second) = (syllables[_next - 1], syllables[_next]);
                if (second.Gaps > 0) continue;
                var (a, b) = (table.FoldedId(first.Id), table.FoldedId(second.Id));
                if (!_pairs.Add((long)a << 32 | (uint)b)) continue;
                ClearAttributes();
                _term.SetEmpty().Append(table.Folded(a)).Append(' ').Append(table.Folded(b));
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
