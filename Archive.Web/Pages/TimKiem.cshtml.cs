using Archive.Search;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>
/// Tìm kiếm: one box, the documents the user may see, the matched words marked (as text: never as markup); facets narrow the
/// query with a fielded term, a sort and pages.
/// </summary>
public sealed class TimKiemModel(SearchService search, HttpActor actors) : PageModel
{
    public string? Query { get; private set; }

    public SearchSort Sort { get; private set; }

    public SearchResults? Results { get; private set; }

    public int Pages => Results is { } r ? (r.Total + r.PageSize - 1) / r.PageSize : 0;

    public async Task OnGetAsync(string? q, int? page, SearchSort? sort, CancellationToken cancellationToken)
    {
        (Query, Sort) = (q, sort ?? SearchSort.Relevance);
        if (string.IsNullOrWhiteSpace(q)) return;
        Results = await search.SearchAsync(new SearchRequest { Query = q, Page = Math.Max(1, page ?? 1), Sort = Sort },
            actors.Of(HttpContext), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The link of this search with other parameters: a page, a sort, or a facet value added to the query.</summary>
    public string Link(int? page = null, SearchSort? sort = null, string? narrowedBy = null) =>
        "/tim-kiem" + Microsoft.AspNetCore.Http.QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = narrowedBy is null ? Query : $"{Query} {narrowedBy}",
            ["sort"] = (sort ?? Sort) == SearchSort.Relevance ? null : (sort ?? Sort).ToString(),
            ["page"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        }.Where(p => p.Value is not null));

    /// <summary>A snippet cut at its marks: the page encodes each part and wraps the marked ones in &lt;mark&gt;.</summary>
    public static IEnumerable<(string Text, bool Marked)> Parts(Snippet snippet)
    {
        var at = 0;
        foreach (var mark in snippet.Marks)
        {
            var (offset, length) = mark.GetOffsetAndLength(snippet.Text.Length);
            if (offset > at) yield return (snippet.Text[at..offset], false);
            yield return (snippet.Text.Substring(offset, length), true);
            at = offset + length;
        }
        if (at < snippet.Text.Length) yield return (snippet.Text[at..], false);
    }
}
