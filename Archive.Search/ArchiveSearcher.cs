using System.Globalization;
using Archive.Search.Querying;
using Archive.Search.Results;
using Archive.Search.Schema;
using Lucene.Net.Index;
using Lucene.Net.Queries;
using Lucene.Net.Search;
using Serilog;

namespace Archive.Search;

/// <summary>
/// Runs searches on a <see cref="LuceneArchiveIndex"/>: reads the query (falling back to plain
/// words when it does not parse), restricts it to what the user may see, and returns one page of
/// hits with snippets, the total and facets over the whole result set.
/// </summary>
public sealed class ArchiveSearcher(LuceneArchiveIndex index, ILogger log)
{
    /// <summary>
    /// How many of the best matches are reranked by exact diacritics and the trích yếu. Scoring
    /// those clauses over every match would cost most of a search that matches most documents; 200 (ten pages of 20)
    /// instead of 500 made searches under load 12% quicker (bench/web.sh).
    /// </summary>
    internal const int RerankWindow = 200;

    private readonly ILogger _log = log.ForContext<ArchiveSearcher>();
    private readonly LuceneQueryBuilder _builder = new(index.Analyzer);
    private readonly SnippetBuilder _snippets = new(index.Analyzer);

    public SearchResults Search(SearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = Math.Max(1, request.Page);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        // Reranking needs the same window of candidates whatever the page, so pages agree; the next pages come from it too.
        var depth = Math.Max(page * pageSize, RerankWindow);
        return index.WithSearcher((searcher, alone) =>
        {
            var ranking = index.Rankings.GetOrRank(searcher.IndexReader, RankingKey.For(request, depth),
                () => Rank(searcher, alone, request, depth));
            return new SearchResults
            {
                Total = ranking.Total,
                Page = page,
                PageSize = pageSize,
                Hits = ranking.Page(page, pageSize, d => Hit(searcher, d, ranking.Marked)),
                Facets = ranking.Facets,
                Notices = ranking.Notices,
            };
        });
    }

    private Ranking Rank(SlicedIndexSearcher searcher, bool alone, SearchRequest request, int depth)
    {
        var (built, notices) = Understand(request.Query ?? "", searcher.IndexReader, lenient: false);
        var ranking = Run(searcher, alone, built, notices, request, depth);
        if (ranking.Total > 0 || !built.Relaxable) return ranking;
        // No document has every word (a damaged text layer, a typo): those missing one of them, the fullest first.
        var (lenient, _) = Understand(request.Query ?? "", searcher.IndexReader, lenient: true);
        return Run(searcher, alone, lenient, [.. notices,
            "Không có văn bản chứa đủ mọi từ đã tìm; dưới đây là các văn bản chứa tất cả trừ một từ."], request, depth);
    }

    private Ranking Run(SlicedIndexSearcher searcher, bool alone, BuiltQuery built, IReadOnlyList<string> notices,
        SearchRequest request, int wanted)
    {
        var query = Restrict(built.Query, request.Access, searcher.IndexReader);
        var rerank = built.Ranking is not null && request.Sort == SearchSort.Relevance;
        var weight = searcher.CreateNormalizedWeight(query);
        var slices = searcher.Slices(alone);
        var parts = new (ITopDocsCollector Top, FacetCollector Facets)[slices.Count];
        void SearchSlice(int i)
        {
            var top = request.Sort == SearchSort.Relevance
                ? (ITopDocsCollector)TopScoreDocCollector.Create(wanted, false)
                : TopFieldCollector.Create(DateSort(request.Sort), wanted, true, true, false, false);
            var facets = new FacetCollector(index.FacetOrdinals);
            searcher.SearchSlice(slices[i], weight, MultiCollector.Wrap(top, facets));
            parts[i] = (top, facets);
        }
        if (slices.Count == 1) SearchSlice(0);
        else Parallel.For(0, slices.Count, new ParallelOptions { MaxDegreeOfParallelism = slices.Count }, SearchSlice);
        var merged = TopDocs.Merge(request.Sort == SearchSort.Relevance ? null : DateSort(request.Sort),
            0, wanted, parts.Select(p => p.Top.GetTopDocs(0, wanted)).ToArray());
        var ranked = rerank ? Reranker.Rerank(searcher, merged.ScoreDocs, built.Ranking!) : merged.ScoreDocs;
        var facetTotals = parts[0].Facets;
        foreach (var part in parts.Skip(1)) facetTotals.Add(part.Facets);
        _log.Debug("Search {Query} found {Total}", request.Query, merged.TotalHits);
        return new Ranking(ranked, merged.TotalHits, facetTotals.Results(Math.Max(1, request.FacetValues)), notices,
            built.MarkedSyllables);
    }

    private (BuiltQuery Query, IReadOnlyList<string> Notices) Understand(string text, IndexReader reader, bool lenient)
    {
        var parsed = QueryParser.Parse(text);
        try
        {
            return (_builder.Build(parsed.Root, reader, lenient), parsed.Notices);
        }
        catch (QuerySyntaxException e)
        {
            // The query read, but a value did not fit its field (a bad date, say): search the words.
            _log.Debug("Query {Query} falls back to plain words: {Reason}", text, e.Message);
            return (_builder.Build(QueryParser.PlainWords(text), reader, lenient),
                [$"Truy vấn không hợp lệ ({e.Message}); đã tìm theo các từ trong truy vấn."]);
        }
    }

    /// <summary>The access rules as clauses of the query itself, so totals and facets obey them too.</summary>
    private static Query Restrict(Query query, SearchAccess access, IndexReader reader)
    {
        // When every document of the index belongs to one of the user's agencies, the agency clause would only cost.
        if (access.Organs is { } all && CoversEveryDocument(all, reader)) access = access with { Organs = null };
        // A query that requires something, or a pure disjunction (which requires one of its
        // clauses), takes the exclusions as clauses of its own: that spares every match a level of
        // scorers, and keeps a disjunction in the form Lucene scores in bulk. Others are wrapped.
        var flat = query is BooleanQuery { MinimumNumberShouldMatch: 0 } boolean
                   && (boolean.Clauses.Any(c => c.Occur == Occur.MUST) || (access.Organs is null && boolean.Clauses.Any(c => c.Occur == Occur.SHOULD)));
        var restricted = flat ? (BooleanQuery)query : new BooleanQuery { { query, Occur.MUST } };
        if (!access.IncludeRestricted)
            restricted.Add(new TermQuery(new Term(IndexFields.Mode, Archive.Core.Catalog.AccessMode.Restricted.Code)), Occur.MUST_NOT);
        if (access.Organs is { } organs)
        {
            var allowed = new BooleanQuery();
            foreach (var organ in organs) allowed.Add(new TermQuery(new Term(IndexFields.Organ, organ)), Occur.SHOULD);
            // A filter, not a clause per dossier: a user may hold grants on more dossiers than a BooleanQuery takes clauses.
            if (access.FileCodes.Count > 0)
                allowed.Add(new ConstantScoreQuery(new TermsFilter(
                    access.FileCodes.Select(code => new Term(IndexFields.FileCode, code.ToUpperInvariant())).ToList())), Occur.SHOULD);
            // An empty set allows nothing: a BooleanQuery without clauses matches no document.
            restricted.Add(new ConstantScoreQuery(allowed) { Boost = 0f }, Occur.MUST);
        }
        return restricted;
    }

    /// <summary>True when every document has one of <paramref name="organs"/>: each has exactly one, so counting suffices.</summary>
    private static bool CoversEveryDocument(IEnumerable<string> organs, IndexReader reader) =>
        organs.Distinct(StringComparer.Ordinal).Sum(organ => (long)reader.DocFreq(new Term(IndexFields.Organ, organ))) == reader.MaxDoc;

    private static Sort DateSort(SearchSort sort) =>
        new(new SortField(IndexFields.IssuedDate, SortFieldType.INT32, sort == SearchSort.DateNewest), SortField.FIELD_SCORE);

    private SearchHit Hit(IndexSearcher searcher, ScoreDoc scoreDoc, IReadOnlySet<string> marked)
    {
        var doc = searcher.Doc(scoreDoc.Doc);
        var subject = doc.Get(IndexFields.StoredSubject);
        var text = doc.Get(IndexFields.StoredText) ?? "";
        var snippet = _snippets.Build(text, marked);
        if (snippet.Marks.Count == 0 && !string.IsNullOrEmpty(subject))
        {
            var fromSubject = _snippets.Build(subject, marked);
            if (fromSubject.Marks.Count > 0 || snippet.Text.Length == 0) snippet = fromSubject;
        }
        var date = doc.Get(IndexFields.StoredDate);
        return new SearchHit
        {
            Id = doc.Get(IndexFields.Id),
            Score = float.IsNaN(scoreDoc.Score) ? 0f : scoreDoc.Score,
            SoKyHieu = doc.Get(IndexFields.StoredNotation),
            TrichYeu = subject,
            Ngay = date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            TenLoai = doc.Get(IndexFields.StoredTypeName) ?? "",
            CoQuan = doc.Get(IndexFields.StoredOrganName) ?? "",
            MaHoSo = doc.Get(IndexFields.StoredFileCode) ?? "",
            Snippet = snippet,
        };
    }
}
