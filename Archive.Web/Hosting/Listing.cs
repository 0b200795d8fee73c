namespace Archive.Web.Hosting;

/// <summary>One page of a list the API returns, with how many there are in all.</summary>
public sealed record Listing<T>(IReadOnlyList<T> Items, int Total, int Page, int Size)
{
    public const int MaxSize = 200;

    public static Listing<T> Of(IReadOnlyCollection<T> all, int? page, int? size)
    {
        var pageSize = Math.Clamp(size ?? 50, 1, MaxSize);
        var number = Math.Max(1, page ?? 1);
        return new Listing<T>(all.Skip((number - 1) * pageSize).Take(pageSize).ToList(), all.Count, number, pageSize);
    }
}
