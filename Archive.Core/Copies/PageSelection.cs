using System.Globalization;
using Archive.Core.Application;

namespace Archive.Core.Copies;

/// <summary>The pages a TRÍCH SAO keeps, as a person writes them ("1-3, 5"): each page once, in order.</summary>
public sealed record PageSelection
{
    /// <summary>A selection longer than this is not a trích sao of a real document.</summary>
    private const int MaxPage = 100_000;

    private PageSelection(IReadOnlyList<int> pages) => Pages = pages;

    public IReadOnlyList<int> Pages { get; }

    /// <summary>Ranges joined by commas: "1-3,5".</summary>
    public string Text => string.Join(',', Ranges().Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}-{r.Last}"));

    public static PageSelection Parse(string text)
    {
        var pages = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length is < 1 or > 2 || !bounds.All(b => int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
                throw new InvalidRequestException($"Trang '{part}' không hợp lệ: ghi số trang hoặc khoảng trang, ví dụ 1-3,5.");
            var first = int.Parse(bounds[0], CultureInfo.InvariantCulture);
            var last = int.Parse(bounds[^1], CultureInfo.InvariantCulture);
            if (first < 1 || last > MaxPage) throw new InvalidRequestException($"Trang '{part}' không hợp lệ: số trang bắt đầu từ 1.");
            if (last < first) throw new InvalidRequestException($"Khoảng trang '{part}' ngược: trang đầu phải nhỏ hơn trang cuối.");
            for (var page = first; page <= last; page++) pages.Add(page);
        }
        if (pages.Count == 0) throw new InvalidRequestException("Trích sao cần chọn ít nhất một trang.");
        return new PageSelection(pages.ToList());
    }

    /// <summary>Refuses pages beyond the document's last page.</summary>
    public void EnsureWithin(int pageCount)
    {
        var beyond = Pages.Where(p => p > pageCount).ToList();
        if (beyond.Count > 0)
            throw new InvalidRequestException($"Văn bản chỉ có {pageCount} trang; không có trang {string.Join(", ", beyond.Take(5))}" +
                                              (beyond.Count > 5 ? " …" : "") + ".");
    }

    private IEnumerable<(int First, int Last)> Ranges()
    {
        var i = 0;
        while (i < Pages.Count)
        {
            var j = i;
            while (j + 1 < Pages.Count && Pages[j + 1] == Pages[j] + 1) j++;
            yield return (Pages[i], Pages[j]);
            i = j + 1;
        }
    }

    public override string ToString() => Text;
}
