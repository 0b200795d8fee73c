using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Archive.Search.Analysis;

/// <summary>
/// One value split into syllables once, then replayed as the exact, folded and paired token
/// streams of its three index fields. Splitting is most of analysis, and the three forms come
/// from the same syllables, so indexing splits each text once instead of three times. The
/// syllables come from the analyzer's own exact chain, so index and queries always agree.
/// </summary>
internal sealed class AnalysedText
{
    private readonly List<(string Exact, int Start, int End)> _syllables = [];
    private readonly int _length;

    private AnalysedText(int length) => _length = length;

    public static AnalysedText Of(Analyzer analyzer, string exactField, string text)
    {
        var analysed = new AnalysedText(text.Length);
        using var stream = analyzer.GetTokenStream(exactField, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) analysed._syllables.Add((term.ToString(), offset.StartOffset, offset.EndOffset));
        stream.End();
        return analysed;
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
        }

        public override bool IncrementToken()
        {
            var syllables = _text._syllables;
            var pairs = _form == AnalysisForm.FoldedBigrams;
            var skipped = 0;
            while (_withDiacriticsOnly && _next < syllables.Count && !VietnameseFolding.HasDiacritics(syllables[_next].Exact))
            {
                _next++;
                skipped++;
            }
            if (_next >= syllables.Count - (pairs ? 1 : 0)) return false;
            ClearAttributes();
            var (exact, start, end) = syllables[_next];
            switch (_form)
            {
                case AnalysisForm.Exact:
                    _term.SetEmpty().Append(exact);
                    break;
                case AnalysisForm.Folded:
                    Fold(_term.SetEmpty(), exact);
                    break;
                default:
                    var second = syllables[_next + 1];
                    Fold(_term.SetEmpty(), exact);
                    _term.Append(' ');
                    Fold(_term, second.Exact);
                    end = second.End;
                    break;
            }
            _offset.SetOffset(start, end);
            _position.PositionIncrement = 1 + skipped;
            _next++;
            return true;
        }

        public override void End()
        {
            base.End();
            _offset.SetOffset(_text._length, _text._length);
        }

        private static void Fold(ICharTermAttribute term, string exact)
        {
            var at = term.Length;
            term.ResizeBuffer(at + exact.Length);
            var buffer = term.Buffer;
            var written = at;
            foreach (var c in exact)
                if (!VietnameseFolding.IsCombiningMark(c)) buffer[written++] = VietnameseFolding.Fold(c);
            term.Length = written;
        }
    }
}
