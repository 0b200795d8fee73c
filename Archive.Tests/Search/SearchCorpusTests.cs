using Archive.Tests.Support;
using Archive.Core.Catalog;
using Archive.Core.Indexing;
using Archive.Search;
using Serilog.Core;

namespace Archive.Tests.Search;

/// <summary>Retrieval over the Vietnamese test corpus: one index built for the fixture, searched many ways.</summary>
[TestFixture]
public sealed class SearchCorpusTests
{
    private TempFolder _folder = null!;
    private LuceneArchiveIndex _index = null!;
    private ArchiveSearcher _searcher = null!;
    private IReadOnlyList<IndexedDocument> _corpus = null!;
    private List<IndexedDocument> _visible = null!;

    [OneTimeSetUp]
    public async Task BuildIndex()
    {
        _folder = new TempFolder("archive-search-tests");
        _corpus = SearchCorpus.Build();
        _visible = _corpus.Where(d => !d.Document.Mode.IsRestricted).ToList();
        _index = LuceneArchiveIndex.Open(_folder.File("index"), Logger.None);
        await _index.RebuildAsync(_corpus, CancellationToken.None);
        _searcher = new ArchiveSearcher(_index, Logger.None);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        _index.Dispose();
        _folder.Dispose();
    }

    private SearchResults Search(string query, int pageSize = 20, int page = 1, SearchSort sort = SearchSort.Relevance,
        SearchAccess? access = null) =>
        _searcher.Search(new SearchRequest
        {
            Query = query, PageSize = pageSize, Page = page, Sort = sort, Access = access ?? SearchAccess.OpenRecords,
        });

    [Test]
    public void The_corpus_is_large_and_varied_enough()
    {
        Assert.That(_corpus, Has.Count.GreaterThanOrEqualTo(200));
        Assert.That(_corpus.Select(d => d.Document.TypeName).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
        Assert.That(_corpus.Select(d => d.Document.OrganName).Distinct().Count(), Is.GreaterThanOrEqualTo(5));
        Assert.That(_corpus.Select(d => d.Document.IssuedDate!.Value.Year).Distinct().Count(), Is.GreaterThanOrEqualTo(8));
        Assert.That(_corpus.Count(d => d.Document.Id.EndsWith("-ascii", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(10));
        Assert.That(_index.Count, Is.EqualTo(_corpus.Count));
    }

    [Test]
    public void A_word_no_document_has_leaves_those_with_all_the_others_and_says_so()
    {
        var complete = Search("rừng phòng hộ", pageSize: 200);
        var oneMissing = Search("rừng phòng hộ xyzqw", pageSize: 200);

        Assert.That(complete.Total, Is.GreaterThan(0));
        Assert.That(complete.Notices, Is.Empty);
        Assert.That(oneMissing.Hits.Select(h => h.Id), Is.EqualTo(complete.Hits.Select(h => h.Id)),
            "the documents with every other word, in the same order");
        Assert.That(oneMissing.Notices, Has.Some.Contains("tất cả trừ một từ"));
        Assert.That(Search("xyzqw rừng", pageSize: 200).Total, Is.EqualTo(Search("rừng", pageSize: 200).Total));
        Assert.That(Search("xyzqw abcdk", pageSize: 200).Total, Is.Zero, "one word of two is not \"most words\" when it is absent");
    }

    [Test]
    public void Folded_and_exact_queries_find_the_same_documents()
    {
        var exact = Search("rừng phòng hộ", pageSize: 200);
        var folded = Search("rung phong ho", pageSize: 200);
        var expected = _visible.Count(d => SearchCorpus.Strip(d.FullText + " " + d.Document.Subject).Contains("rung phong ho", StringComparison.OrdinalIgnoreCase));

        Assert.That(exact.Total, Is.EqualTo(expected).And.GreaterThan(5));
        Assert.That(folded.Hits.Select(h => h.Id), Is.EquivalentTo(exact.Hits.Select(h => h.Id)));
    }

    [Test]
    public void Upper_case_and_đ_fold_like_the_rest()
    {
        var upper = Search("ĐẤT ĐAI", pageSize: 200);
        var plain = Search("dat dai", pageSize: 200);

        Assert.That(upper.Total, Is.GreaterThan(0));
        Assert.That(plain.Hits.Select(h => h.Id), Is.EquivalentTo(upper.Hits.Select(h => h.Id)));
    }

    [Test]
    public void Exact_diacritics_rank_above_the_same_words_typed_without_them()
    {
        var hits = Search("hội đồng thẩm định giá thuốc").Hits.Select(h => h.Id).ToList();

        Assert.That(hits, Does.Contain(SearchCorpus.NoDiacritics));
        Assert.That(hits[0], Is.EqualTo(SearchCorpus.ExactDiacritics));
        Assert.That(hits.IndexOf(SearchCorpus.ExactDiacritics), Is.LessThan(hits.IndexOf(SearchCorpus.NoDiacritics)));
    }

    [Test]
    public void A_generated_near_duplicate_without_diacritics_ranks_below_its_original()
    {
        var original = _corpus.First(d => d.Document.Id == "gen-003");
        var hits = Search($"\"{original.Document.Subject![4..]}\"", pageSize: 200).Hits.Select(h => h.Id).ToList();

        Assert.That(hits, Does.Contain("gen-003-ascii"));
        Assert.That(hits.IndexOf("gen-003"), Is.GreaterThanOrEqualTo(0).And.LessThan(hits.IndexOf("gen-003-ascii")));
    }

    [TestCase("quan trắc san hô")]
    [TestCase("quan trac san ho")]
    public void Adjacent_syllables_rank_above_the_same_syllables_scattered(string query)
    {
        var hits = Search(query).Hits.Select(h => h.Id).ToList();

        Assert.That(hits, Does.Contain(SearchCorpus.ScatteredSyllables), "both documents hold every syllable");
        Assert.That(hits.IndexOf(SearchCorpus.AdjacentPhrase), Is.GreaterThanOrEqualTo(0)
            .And.LessThan(hits.IndexOf(SearchCorpus.ScatteredSyllables)));
    }

    [Test]
    public void A_quoted_phrase_requires_the_syllables_in_order()
    {
        var ids = Search("\"san hô\"").Hits.Select(h => h.Id).ToList();

        Assert.That(ids, Does.Contain(SearchCorpus.AdjacentPhrase));
        Assert.That(ids, Does.Not.Contain(SearchCorpus.ScatteredSyllables));
    }

    [TestCase("1234/QĐ-UBND")]
    [TestCase("1234/QD-UBND")]
    [TestCase("1234/qđ-ubnd")]
    [TestCase("sokyhieu:1234/QD-UBND")]
    [TestCase("so:1234")]
    public void Số_ký_hiệu_finds_its_document_first(string query)
    {
        var results = Search(query);

        Assert.That(results.Hits, Is.Not.Empty);
        Assert.That(results.Hits[0].Id, Is.EqualTo(SearchCorpus.NotationDocument));
        Assert.That(results.Hits[0].SoKyHieu, Is.EqualTo(SearchCorpus.Notation));
    }

    [Test]
    public void A_fielded_notation_matches_that_notation_only()
    {
        var results = Search("sokyhieu:1234/QD-UBND");

        Assert.That(results.Total, Is.EqualTo(1));
    }

    [Test]
    public void A_date_range_keeps_documents_of_those_dates_only()
    {
        var results = Search("ngay:[2019-01-01 TO 2019-12-31]", pageSize: 200);
        var expected = _visible.Count(d => d.Document.IssuedDate!.Value.Year == 2019);

        Assert.That(results.Total, Is.EqualTo(expected).And.GreaterThan(5));
        Assert.That(results.Hits.Select(h => h.Ngay!.Value.Year), Is.All.EqualTo(2019));
    }

    [Test]
    public void An_exclusive_bound_and_an_open_end_are_honoured()
    {
        var from = new DateOnly(2022, 6, 5);
        var results = Search("ngay:{2022-06-05 TO *]", pageSize: 200);

        Assert.That(results.Total, Is.EqualTo(_visible.Count(d => d.Document.IssuedDate > from)));
    }

    [Test]
    public void Words_and_fields_combine()
    {
        var results = Search("ngân sách coquan:\"Sở Tài chính\" nam:[2018 TO 2020]", pageSize: 200);
        var expected = _visible.Count(d => d.Document.OrganName == "Sở Tài chính"
                                           && d.Document.IssuedDate!.Value.Year is >= 2018 and <= 2020
                                           && SearchCorpus.Strip(d.FullText + " " + d.Document.Subject).Contains("ngan sach", StringComparison.OrdinalIgnoreCase));

        Assert.That(results.Total, Is.EqualTo(expected).And.GreaterThan(0));
        Assert.That(results.Hits.Select(h => h.CoQuan), Is.All.EqualTo("Sở Tài chính"));
    }

    [Test]
    public void Or_and_not_work()
    {
        var either = Search("loai:\"tờ trình\" OR loai:\"hướng dẫn\"", pageSize: 200);
        var notEither = Search("NOT loai:\"tờ trình\" -loai:\"hướng dẫn\"", pageSize: 200);

        Assert.That(either.Total, Is.EqualTo(_visible.Count(d => d.Document.TypeName is "Tờ trình" or "Hướng dẫn")));
        Assert.That(either.Total + notEither.Total, Is.EqualTo(_visible.Count));
    }

    [Test]
    public void Retention_and_access_mode_are_fields_too()
    {
        var permanent = Search("thoihan:\"vinh vien\"", pageSize: 200);
        var tenYears = Search("thoihan:\"10 năm\"", pageSize: 200);

        Assert.That(permanent.Total, Is.EqualTo(_visible.Count(d => d.Retention.IsPermanent)));
        Assert.That(tenYears.Total, Is.EqualTo(_visible.Count(d => d.Retention.Years == 10)));
        Assert.That(Search("chedo:\"hạn chế\"").Total, Is.Zero, "restricted documents stay out even when asked for");
        Assert.That(Search("chedo:02", pageSize: 1).Total, Is.EqualTo(_visible.Count));
    }

    [Test]
    public void Mã_hồ_sơ_finds_the_dossier_documents()
    {
        var code = CorpusAgency.Health.Code.Value + ".2021.01.TH";
        var results = Search($"mahoso:{code.ToLowerInvariant()}", pageSize: 200);

        Assert.That(results.Total, Is.EqualTo(_visible.Count(d => d.Document.FileCode.Value == code)).And.GreaterThan(0));
    }

    [Test]
    public void Facets_count_the_whole_result_set()
    {
        var results = Search("", pageSize: 5);
        var types = results.Facets.Single(f => f.Name == "loai");
        var years = results.Facets.Single(f => f.Name == "nam");
        var modes = results.Facets.Single(f => f.Name == "chedo");

        Assert.That(results.Total, Is.EqualTo(_visible.Count));
        Assert.That(results.Hits, Has.Count.EqualTo(5));
        Assert.That(types.Values.Sum(v => v.Count), Is.EqualTo(_visible.Count));
        Assert.That(types.Values.Single(v => v.Value == "Quyết định").Count,
            Is.EqualTo(_visible.Count(d => d.Document.TypeName == "Quyết định")));
        Assert.That(years.Values.Single(v => v.Value == "2019").Count,
            Is.EqualTo(_visible.Count(d => d.Document.IssuedDate!.Value.Year == 2019)));
        Assert.That(modes.Values.Select(v => v.Value), Is.EqualTo(new[] { AccessMode.Open.Name }));
        Assert.That(results.Facets.Select(f => f.Name), Is.EquivalentTo(new[] { "loai", "nam", "coquan", "thoihan", "chedo" }));
    }

    [Test]
    public void Facets_follow_the_query()
    {
        var results = Search("coquan:\"Sở Y tế\"", pageSize: 1);
        var agencies = results.Facets.Single(f => f.Name == "coquan");

        Assert.That(agencies.Values, Has.Count.EqualTo(1));
        Assert.That(agencies.Values[0], Is.EqualTo(new FacetValue("Sở Y tế", results.Total)));
    }

    [Test]
    public void Pages_partition_the_results()
    {
        var all = Search("thực hiện", pageSize: 30, sort: SearchSort.DateNewest);
        var pages = Enumerable.Range(1, 3).Select(p => Search("thực hiện", pageSize: 10, page: p, sort: SearchSort.DateNewest)).ToList();

        Assert.That(all.Total, Is.GreaterThan(30));
        Assert.That(pages.Select(p => p.Total), Is.All.EqualTo(all.Total));
        Assert.That(pages.SelectMany(p => p.Hits).Select(h => h.Id), Is.EqualTo(all.Hits.Select(h => h.Id)));
        Assert.That(pages[2].Page, Is.EqualTo(3));
    }

    [Test]
    public void A_page_past_the_end_is_empty_but_keeps_the_total()
    {
        var results = Search("thực hiện", pageSize: 50, page: 100);

        Assert.That(results.Hits, Is.Empty);
        Assert.That(results.Total, Is.GreaterThan(0));
    }

    [Test]
    public void Sorting_by_date_orders_the_hits()
    {
        var newest = Search("kế hoạch", pageSize: 50, sort: SearchSort.DateNewest).Hits.Select(h => h.Ngay!.Value).ToList();
        var oldest = Search("kế hoạch", pageSize: 50, sort: SearchSort.DateOldest).Hits.Select(h => h.Ngay!.Value).ToList();

        Assert.That(newest, Is.Ordered.Descending);
        Assert.That(oldest, Is.Ordered.Ascending);
        Assert.That(newest[0], Is.EqualTo(_visible.Where(d => (d.FullText + d.Document.Subject).Contains("kế hoạch", StringComparison.OrdinalIgnoreCase)
            || d.Document.TypeName == "Kế hoạch").Max(d => d.Document.IssuedDate!.Value)));
    }

    [Test]
    public void A_restricted_document_is_absent_from_hits_totals_and_facets()
    {
        var results = Search(SearchCorpus.RestrictedWords);
        var everything = Search("", pageSize: 1);

        Assert.That(results.Total, Is.Zero);
        Assert.That(results.Hits, Is.Empty);
        Assert.That(results.Facets.SelectMany(f => f.Values), Is.Empty);
        Assert.That(everything.Total, Is.EqualTo(_visible.Count));
        Assert.That(everything.Facets.Single(f => f.Name == "chedo").Values.Select(v => v.Value), Does.Not.Contain(AccessMode.Restricted.Name));
    }

    [Test]
    public void Who_may_see_restricted_records_finds_them()
    {
        var results = Search(SearchCorpus.RestrictedWords, access: new SearchAccess { IncludeRestricted = true });

        Assert.That(results.Hits.Select(h => h.Id), Does.Contain(SearchCorpus.RestrictedDocument));
    }

    [Test]
    public void Rights_limited_to_one_agency_show_that_agency_only()
    {
        var access = new SearchAccess { Organs = new HashSet<string> { CorpusAgency.Health.Code.Value } };
        var results = Search("", pageSize: 200, access: access);

        Assert.That(results.Total, Is.EqualTo(_visible.Count(d => d.Document.OrganId == CorpusAgency.Health.Code)));
        Assert.That(results.Hits.Select(h => h.CoQuan), Is.All.EqualTo(CorpusAgency.Health.Name));
        Assert.That(results.Facets.Single(f => f.Name == "coquan").Values.Select(v => v.Value), Is.EqualTo(new[] { CorpusAgency.Health.Name }));
        Assert.That(Search("", access: new SearchAccess { Organs = new HashSet<string>() }).Total, Is.Zero);
    }

    [Test]
    public void Snippets_mark_the_matched_words_as_written()
    {
        var hit = Search("quan trac san ho").Hits.First(h => h.Id == SearchCorpus.AdjacentPhrase);

        Assert.That(hit.Snippet.Marked(), Does.Contain("«quan trắc san hô»"));
        Assert.That(hit.Snippet.Marks, Has.Count.GreaterThanOrEqualTo(1));
    }

    [Test]
    public void Decomposed_text_matches_precomposed_queries_and_is_marked()
    {
        var hit = Search("trâu bò").Hits.FirstOrDefault(h => h.Id == SearchCorpus.DecomposedDocument);

        Assert.That(hit, Is.Not.Null);
        Assert.That(hit!.Snippet.Marked().Normalize(), Does.Contain("«trâu bò»"));
        Assert.That(Search("trau bo").Hits.Select(h => h.Id), Does.Contain(SearchCorpus.DecomposedDocument));
    }

    [Test]
    public void A_snippet_comes_from_the_subject_when_the_text_does_not_match()
    {
        var hit = Search("trichyeu:\"kết luận\"").Hits.First(h => h.Id == SearchCorpus.ExactDiacritics);

        Assert.That(hit.Snippet.Marked(), Is.EqualTo("Thông báo «kết luận» của giám đốc về hội đồng thẩm định giá thuốc"));
    }

    [Test]
    public void Function_syllables_are_not_required()
    {
        // "của" is not in the phrase document's text, yet the document is found by its other words.
        var hits = Search("quan trắc của san hô").Hits.Select(h => h.Id);

        Assert.That(hits, Does.Contain(SearchCorpus.AdjacentPhrase));
    }

    [TestCase("\"bảo vệ rừng")]
    [TestCase("(bảo vệ rừng")]
    [TestCase("ngay:[2019 TO]")]
    [TestCase("coquan:(Sở Y tế)")]
    [TestCase("bảo vệ rừng AND")]
    public void A_malformed_query_falls_back_to_its_words_and_says_so(string query)
    {
        var results = Search(query);

        Assert.That(results.Notices, Is.Not.Empty);
        Assert.That(results.Notices[0], Does.Contain("đã tìm theo các từ"));
        Assert.That(results.Total, Is.GreaterThan(0));
    }

    [Test]
    public void A_value_a_field_cannot_hold_is_reported_not_thrown()
    {
        var results = Search("ngay:2019-13-45");

        Assert.That(results.Notices, Has.Some.Contains("2019-13-45"));
    }

    [Test]
    public void A_misspelt_field_is_searched_as_words_and_named()
    {
        var results = Search("coqan:rừng");

        Assert.That(results.Notices.Single(), Does.Contain("coqan"));
        Assert.That(results.Total, Is.GreaterThan(0));
    }

    [Test]
    public void A_well_formed_query_has_no_notice()
    {
        Assert.That(Search("ngay:[2019-01-01 TO 2019-12-31] rừng").Notices, Is.Empty);
    }
}
