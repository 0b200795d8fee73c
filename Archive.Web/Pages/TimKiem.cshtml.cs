using Archive.Search;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Archive.Web.Pages;

/// <summary>Tìm kiếm: one box, the documents the user may see, the matched words marked (as text: never as markup).</summary>
public sealed class TimKiemModel(SearchService search, HttpActor actors) : PageModel
{
    public string? Query { get; private set; }

    public SearchResults? Results { get; private set; }

    public async Task OnGetAsync(string? q, int? page, CancellationToken cancellationToken)
    {
        Query = q;
        if (string.IsNullOrWhiteSpace(q)) return;
        Results = await search.SearchAsync(new SearchRequest { Query = q, Page = Math.Max(1, page ?? 1) }, actors.Of(HttpContext), cancellationToken)
            .ConfigureAwait(false);
    }

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
