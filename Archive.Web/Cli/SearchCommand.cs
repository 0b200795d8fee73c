using System.CommandLine;
using System.Globalization;
using System.Text;
using Archive.Search;

namespace Archive.Web.Cli;

/// <summary>`archive search QUERY`: one page of results, with snippets and facets (DESIGN.md section 6).</summary>
public static class SearchCommand
{
    public static Command Create(CommandRunner runner)
    {
        var query = new Argument<string[]>("query")
        {
            Description = "Truy vấn: từ, \"cụm từ\", trường:giá trị, ngay:[2019-01-01 TO 2019-12-31], AND/OR/NOT",
            Arity = ArgumentArity.OneOrMore,
        };
        var limit = new Option<int>("--limit") { Description = "Số văn bản mỗi trang (mặc định 20)", DefaultValueFactory = _ => 20 };
        var page = new Option<int>("--page") { Description = "Trang (từ 1)", DefaultValueFactory = _ => 1 };
        var sort = new Option<string>("--sort") { Description = "relevance (mặc định), date (mới nhất trước) hoặc date-asc", DefaultValueFactory = _ => "relevance" };
        var restricted = new Option<bool>("--restricted")
        {
            Description = "Tìm trong kho hạn chế sử dụng (chỉ trên máy cách ly mạng; được ghi nhật ký)",
        };
        var search = new Command("search", "Tìm văn bản (có dấu hoặc không dấu, theo số/ký hiệu, cơ quan, ngày…)")
        {
            query, limit, page, sort, restricted,
        };
        runner.Bind(search, async (context, parse, cancellationToken) =>
        {
            var request = new SearchRequest
            {
                Query = string.Join(' ', parse.GetValue(query)!),
                PageSize = parse.GetValue(limit) is var n and >= 1 and <= SearchRequest.MaxPageSize
                    ? n
                    : throw new UserInputException($"--limit phải từ 1 đến {SearchRequest.MaxPageSize}."),
                Page = parse.GetValue(page) is var p and >= 1 ? p : throw new UserInputException("--page phải từ 1."),
                Sort = parse.GetValue(sort) switch
                {
                    "relevance" => SearchSort.Relevance,
                    "date" => SearchSort.DateNewest,
                    "date-asc" => SearchSort.DateOldest,
                    var other => throw new UserInputException($"--sort \"{other}\" không hợp lệ; dùng relevance, date hoặc date-asc."),
                },
            };
            var results = await context.Get<SearchService>()
                .SearchAsync(request, context.Actor, cancellationToken, parse.GetValue(restricted))
                .ConfigureAwait(false);
            context.Output.Item(SearchResultsJson.From(results), _ => Text(results));
            return ExitCodes.Ok;
        });
        return search;
    }

    private static string Text(SearchResults results)
    {
        var text = new StringBuilder();
        foreach (var notice in results.Notices) text.AppendLine($"Lưu ý: {notice}");
        if (results.Total == 0)
            return text.Append("Không tìm thấy văn bản nào.").ToString();

        var first = (results.Page - 1) * results.PageSize + 1;
        text.AppendLine(results.Hits.Count == 0
            ? $"Tìm thấy {results.Total} văn bản; trang {results.Page} không còn kết quả."
            : $"Tìm thấy {results.Total} văn bản; hiển thị {first}–{first + results.Hits.Count - 1}:");
        var number = first;
        foreach (var hit in results.Hits)
        {
            var heading = new[] { hit.SoKyHieu, hit.Ngay?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), hit.TenLoai, hit.CoQuan }
                .Where(part => !string.IsNullOrEmpty(part));
            text.AppendLine().AppendLine($"{number++}. {string.Join(" · ", heading)}");
            // A snippet cut from the trích yếu itself replaces it, rather than repeat it.
            if (!string.IsNullOrEmpty(hit.TrichYeu) && hit.Snippet.Text != hit.TrichYeu) text.AppendLine($"   {hit.TrichYeu}");
            if (hit.Snippet.Text.Length > 0) text.AppendLine($"   {hit.Snippet.Marked()}");
            text.AppendLine($"   Hồ sơ {hit.MaHoSo} · mã {hit.Id}");
        }
        text.AppendLine().Append("Phân loại kết quả:");
        foreach (var facet in results.Facets.Where(f => f.Values.Count > 0))
            text.AppendLine().Append($"  {facet.Label}: {string.Join(", ", facet.Values.Select(v => $"{v.Value} ({v.Count})"))}");
        return text.ToString();
    }
}
