using Archive.Search;

namespace SearchBench;

/// <summary>
/// A fixed mix of queries as staff type them: words with and without diacritics, phrases,
/// số/ký hiệu lookups, agency and date filters, OR/NOT, and date-sorted listings.
/// </summary>
internal static class QueryMix
{
    private static readonly string[] Kinds =
        ["words", "words", "words", "folded", "folded", "phrase", "notation", "agency-dates", "word-year", "or-not", "by-date"];

    public static IReadOnlyList<SearchRequest> Build(int count, int documents, int seed) => Build(count, documents, seed, []);

    /// <param name="kinds">Receives each query's kind, for latency by kind.</param>
    public static IReadOnlyList<SearchRequest> Build(int count, int documents, int seed, List<string> kinds)
    {
        var random = new Random(seed);
        var requests = new List<SearchRequest>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var query = kind switch
            {
                // One query in a hundred is the worst case: only the commonest words, matching most documents.
                _ when i % 100 == 99 => $"{SyntheticArchive.Word(random)} {SyntheticArchive.Word(random)}",
                "words" => Topical(random, 1 + random.Next(3)),
                "folded" => Fold(Topical(random, 1 + random.Next(3))),
                "phrase" => $"\"{SyntheticArchive.Topics[random.Next(SyntheticArchive.Topics.Length)].Split(' ').Take(3).Aggregate((a, b) => $"{a} {b}")}\"",
                "notation" => random.Next(2) == 0 ? SyntheticArchive.NotationOf(random.Next(documents)) : Fold(SyntheticArchive.NotationOf(random.Next(documents))),
                "agency-dates" => $"coquan:\"{SyntheticArchive.Agencies[random.Next(SyntheticArchive.Agencies.Length)].Name}\" "
                                  + $"ngay:[{2010 + random.Next(14)}-01-01 TO {2010 + random.Next(14) + 1}-06-30]",
                "word-year" => $"{Words(random, 1)} nam:{2010 + random.Next(15)}",
                "or-not" => $"({Words(random, 1)} OR {Words(random, 1)}) NOT loai:\"{SyntheticArchive.Types[random.Next(SyntheticArchive.Types.Length)].Type}\"",
                _ => Topical(random, 2),
            };
            kinds.Add(i % 100 == 99 ? "commonest" : kind);
            requests.Add(new SearchRequest
            {
                Query = query,
                PageSize = 20,
                Sort = kind == "by-date" ? SearchSort.DateNewest : SearchSort.Relevance,
            });
        }
        return requests;
    }

    /// <summary>Words of one subject, as someone looking for documents on it types them.</summary>
    private static string Topical(Random random, int count)
    {
        var topic = random.Next(SyntheticArchive.Topics.Length);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => SyntheticArchive.TopicWord(random, topic)).Distinct());
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => SyntheticArchive.ContentWord(random)));

    /// <summary>The text as typed without diacritics (đ as d).</summary>
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            folded.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return folded.ToString();
    }
}
