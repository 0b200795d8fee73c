using System.Globalization;
using Archive.Core.Catalog;
using Archive.Search.Schema;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Archive.Search.Querying;

/// <summary>
/// Turns a parsed query into a Lucene query. Plain words must match in their folded form, and
/// adjacent syllable pairs add to the score, so a phrase ranks above the same syllables
/// scattered. The exact form (when the user typed diacritics) and the trích yếu only rerank the
/// best candidates (<see cref="BuiltQuery.Ranking"/>), so "quyết định" finds "quyet dinh" but
/// ranks "quyết định" first without scoring those clauses over every match. Function syllables
/// are never required.
/// Throws <see cref="QuerySyntaxException"/> for a value a field cannot hold.
/// </summary>
internal sealed class LuceneQueryBuilder(Analyzer analyzer)
{
    private const float ExactBoost = 2f;
    private const float SubjectBoost = 1.5f;
    private const float PairBoost = 3f;
    private const float NotationBoost = 50f;

    private static readonly string AllFolded = IndexFields.Folded(IndexFields.All);
    private static readonly string AllExact = IndexFields.Exact(IndexFields.All);
    private static readonly string AllPairs = IndexFields.Bigrams(IndexFields.All);
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy", "dd-MM-yyyy"];

    /// <summary>
    /// An optional clause whose term is in more than this share of the documents is left out: it
    /// hardly changes the order (its weight is near zero), yet scoring it would visit nearly every
    /// document. The same idea as Lucene's common-terms query.
    /// </summary>
    private const double CommonShare = 0.3;

    /// <param name="reader">The index searched: how common each optional term is decides whether it is worth scoring.</param>
    /// <param name="lenient">Plain words match when all but one of them are there (documents with all of them still rank first).</param>
    public BuiltQuery Build(QueryNode? root, IndexReader? reader = null, bool lenient = false)
    {
        var parts = new Parts(reader) { Lenient = lenient };
        var query = root is null ? new MatchAllDocsQuery() : Node(root, parts);
        Query? ranking = null;
        if (parts.Ranking.Count > 0)
        {
            var should = new BooleanQuery();
            foreach (var clause in parts.Ranking) should.Add(clause, Occur.SHOULD);
            ranking = should;
        }
        return new BuiltQuery(query, ranking, parts.Marked, parts.Relaxable);
    }

    /// <summary>What building collects besides the query: syllables to mark, and the clauses that only rerank.</summary>
    private sealed class Parts(IndexReader? reader = null)
    {
        public HashSet<string> Marked { get; } = new(StringComparer.Ordinal);

        public bool Lenient { get; init; }

        /// <summary>Set when two or more plain words were required: what <see cref="Lenient"/> would relax.</summary>
        public bool Relaxable { get; set; }

        public bool IsCommon(Term term) => reader is not null && reader.MaxDoc > 0 && reader.DocFreq(term) > CommonShare * reader.MaxDoc;
        public List<Query> Ranking { get; } = [];

        public void Add(string syllable) => Marked.Add(syllable);
    }

    private Query Node(QueryNode node, Parts parts) => node switch
    {
        AndNode and => And(and.Children, parts),
        WordsNode { Field: null } => And([node], parts),
        OrNode or => Or(or.Children, parts),
        NotNode not => new BooleanQuery { { new MatchAllDocsQuery(), Occur.MUST }, { Node(not.Child, new Parts()), Occur.MUST_NOT } },
        PhraseNode { Field: null } phrase => Phrase(IndexFields.All, hasExact: true, phrase.Text, parts),
        PhraseNode phrase => Fielded(phrase.Field!, phrase.Text, parts),
        WordsNode words => Fielded(words.Field!, words.Text, parts),
        RangeNode range => Range(range),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node, null),
    };

    private Query Or(IReadOnlyList<QueryNode> children, Parts parts)
    {
        var query = new BooleanQuery();
        foreach (var child in children) query.Add(Node(child, parts), Occur.SHOULD);
        return query;
    }

    private Query And(IReadOnlyList<QueryNode> children, Parts parts)
    {
        // "(a OR b) NOT c" needs no required clause: a disjunction with exclusions is one flat
        // query, which Lucene scores in bulk, far faster than a conjunction around a disjunction.
        if (children.Count(c => c is not NotNode) == 1 && children.Single(c => c is not NotNode) is OrNode or)
        {
            var flat = (BooleanQuery)Or(or.Children, parts);
            foreach (var not in children.OfType<NotNode>()) flat.Add(Node(not.Child, new Parts()), Occur.MUST_NOT);
            return flat;
        }
        var query = new BooleanQuery();
        var run = new List<Syllable>();
        foreach (var child in children)
        {
            switch (child)
            {
                case WordsNode { Field: null } words when NotationKey.LooksLikeNotation(words.Text):
                    query.Add(Notation(words.Text, parts), Occur.MUST);
                    break;
                case WordsNode { Field: null } words:
                    run.AddRange(Syllable.Of(analyzer, words.Text));
                    break;
                case NotNode not:
                    query.Add(Node(not.Child, new Parts()), Occur.MUST_NOT);
                    break;
                default:
                    query.Add(Node(child, parts), Occur.MUST);
                    break;
            }
        }
        AddPlainWords(query, run, parts);
        if (query.Clauses.All(c => c.Occur == Occur.MUST_NOT)) query.Add(new MatchAllDocsQuery(), Occur.MUST);
        return query;
    }

    private static void AddPlainWords(BooleanQuery query, List<Syllable> run, Parts parts)
    {
        var anyContent = run.Any(s => !s.IsFunctionWord);
        var requiredCount = run.Count(s => !anyContent || !s.IsFunctionWord);
        parts.Relaxable |= requiredCount >= 2;
        // Lenient: the required words as one group of which all but one must match; coordination ranks the complete first.
        var group = parts.Lenient && requiredCount >= 2 ? new BooleanQuery { MinimumNumberShouldMatch = requiredCount - 1 } : null;
        if (group is not null) query.Add(group, Occur.MUST);
        foreach (var syllable in run)
        {
            parts.Add(syllable.Folded);
            var folded = Term(AllFolded, syllable.Folded);
            var required = !anyContent || !syllable.IsFunctionWord;
            if (required && group is not null) group.Add(folded, Occur.SHOULD);
            else if (required || !parts.IsCommon(folded.Term)) query.Add(folded, required ? Occur.MUST : Occur.SHOULD);
            // No diacritics typed means no preference between "quyet" and "quyết": no exact clause.
            if (syllable.HasDiacritics) parts.Ranking.Add(Term(AllExact, syllable.Exact, ExactBoost));
            parts.Ranking.Add(Term(IndexFields.Folded(IndexFields.Subject), syllable.Folded, SubjectBoost));
        }
        for (var i = 1; i < run.Count; i++)
        {
            var pair = Term(AllPairs, $"{run[i - 1].Folded} {run[i].Folded}", PairBoost);
            if (!parts.IsCommon(pair.Term)) query.Add(pair, Occur.SHOULD);
        }
    }

    /// <summary>A word such as 123/QĐ-UBND typed without a field: the keyword, or failing that the same syllables in order.</summary>
    private Query Notation(string text, Parts parts) => new BooleanQuery
    {
        { Term(IndexFields.Notation, NotationKey.Of(text), NotationBoost), Occur.SHOULD },
        { Phrase(IndexFields.All, hasExact: false, text, parts), Occur.SHOULD },
    };

    private Query Phrase(string field, bool hasExact, string text, Parts parts)
    {
        var syllables = Syllable.Of(analyzer, text);
        if (syllables.Count == 0) throw new QuerySyntaxException($"\"{text}\" không có từ nào để tìm");
        foreach (var s in syllables) parts.Add(s.Folded);
        var folded = new PhraseQuery();
        foreach (var s in syllables) folded.Add(new Term(IndexFields.Folded(field), s.Folded));
        var query = new BooleanQuery { { folded, Occur.MUST } };
        // A phrase holds its syllable pairs. Pairs are far rarer than syllables, so requiring them
        // lets the search check positions only in the few documents that have every pair.
        if (field == IndexFields.All)
            for (var i = 1; i < syllables.Count; i++)
                query.Add(Term(AllPairs, $"{syllables[i - 1].Folded} {syllables[i].Folded}", PairBoost), Occur.MUST);
        if (!hasExact || !syllables.Any(s => s.HasDiacritics)) return query.Clauses.Count == 1 ? folded : query;
        // The exact form keeps no positions: the phrase must match folded, and each syllable
        // written with the same diacritics adds to the score.
        foreach (var s in syllables.Where(s => s.HasDiacritics).DistinctBy(s => s.Exact))
            parts.Ranking.Add(Term(IndexFields.Exact(field), s.Exact, ExactBoost));
        return query.Clauses.Count == 1 ? folded : query;
    }

    private Query Fielded(SearchField field, string value, Parts parts)
    {
        var trimmed = value.Trim();
        switch (field.Kind)
        {
            case SearchFieldKind.Text:
                // Quoted or not, the syllables stay in order: one unquoted word may still be
                // several syllables ("UBND-Hà-Tĩnh").
                var hasExact = field == SearchField.FullText || field == SearchField.Subject;
                return Phrase(field.IndexField, hasExact, trimmed, parts);
            case SearchFieldKind.Notation:
                var key = NotationKey.Of(trimmed.TrimEnd('*'));
                if (key.Length == 0) throw new QuerySyntaxException("số và ký hiệu trống");
                return trimmed.EndsWith('*') || !key.Contains('/')
                    ? new PrefixQuery(new Term(field.IndexField, key.Contains('/') ? key : key + "/"))
                    : new TermQuery(new Term(field.IndexField, key));
            case SearchFieldKind.FileCode:
                var code = trimmed.ToUpperInvariant();
                return code.EndsWith('*')
                    ? new PrefixQuery(new Term(field.IndexField, code.TrimEnd('*')))
                    : new TermQuery(new Term(field.IndexField, code));
            case SearchFieldKind.Retention:
                return RetentionPeriod.TryParse(trimmed, out var period)
                    ? new TermQuery(new Term(field.IndexField, NotationKey.Of(period.Value)))
                    : throw new QuerySyntaxException($"thời hạn bảo quản \"{trimmed}\" không hợp lệ, ví dụ thoihan:\"10 năm\" hoặc thoihan:\"vĩnh viễn\"");
            case SearchFieldKind.Mode:
                return AccessMode.TryParse(trimmed, out var mode)
                    ? new TermQuery(new Term(field.IndexField, mode.Code))
                    : throw new QuerySyntaxException($"chế độ sử dụng \"{trimmed}\" không hợp lệ");
            case SearchFieldKind.Year:
                var year = ParseYear(trimmed);
                return NumericRangeQuery.NewInt32Range(field.IndexField, year, year, true, true);
            case SearchFieldKind.Date:
                var (from, to) = ParseDateSpan(trimmed);
                return NumericRangeQuery.NewInt32Range(field.IndexField, from, to, true, true);
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, null);
        }
    }

    private static Query Range(RangeNode range)
    {
        switch (range.Field.Kind)
        {
            case SearchFieldKind.Date:
                int? from = range.From is null ? null : range.IncludeFrom ? ParseDateSpan(range.From).First : ParseDateSpan(range.From).Last;
                int? to = range.To is null ? null : range.IncludeTo ? ParseDateSpan(range.To).Last : ParseDateSpan(range.To).First;
                return NumericRangeQuery.NewInt32Range(range.Field.IndexField, from, to, range.IncludeFrom, range.IncludeTo);
            case SearchFieldKind.Year:
                return NumericRangeQuery.NewInt32Range(range.Field.IndexField,
                    range.From is null ? null : ParseYear(range.From), range.To is null ? null : ParseYear(range.To),
                    range.IncludeFrom, range.IncludeTo);
            default:
                throw new QuerySyntaxException($"trường \"{range.Field.Name}\" không tìm theo khoảng; chỉ dùng khoảng cho ngay và nam");
        }
    }

    private static int ParseYear(string text) =>
        text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new QuerySyntaxException($"năm \"{text}\" không hợp lệ, ví dụ nam:2019");

    /// <summary>The first and last day (yyyyMMdd) a date, a month (yyyy-MM) or a year (yyyy) covers.</summary>
    private static (int First, int Last) ParseDateSpan(string text)
    {
        if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (DocumentMapper.DayNumber(day), DocumentMapper.DayNumber(day));
        if (DateOnly.TryParseExact(text, ["yyyy-MM", "MM/yyyy", "M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return (DocumentMapper.DayNumber(month), DocumentMapper.DayNumber(month.AddMonths(1).AddDays(-1)));
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1)
            return (year * 10_000 + 101, year * 10_000 + 1231);
        throw new QuerySyntaxException($"ngày \"{text}\" không hợp lệ; viết yyyy-MM-dd (2019-04-12), dd/MM/yyyy, yyyy-MM hoặc yyyy");
    }

    private static TermQuery Term(string field, string value, float boost = 1f) =>
        new(new Term(field, value)) { Boost = boost };
}
