using System.Text;

namespace Archive.Search;

/// <summary>A passage of a document's text, and the ranges in it that matched the query.</summary>
public sealed record Snippet(string Text, IReadOnlyList<Range> Marks)
{
    public const string MarkStart = "«";
    public const string MarkEnd = "»";

    public static readonly Snippet Empty = new("", []);

    /// <summary>The text with every matched range wrapped in <paramref name="start"/> and <paramref name="end"/>.</summary>
    public string Marked(string start = MarkStart, string end = MarkEnd)
    {
        var marked = new StringBuilder(Text.Length + Marks.Count * (start.Length + end.Length));
        var at = 0;
        foreach (var mark in Marks)
        {
            var (offset, length) = mark.GetOffsetAndLength(Text.Length);
            marked.Append(Text, at, offset - at).Append(start).Append(Text, offset, length).Append(end);
            at = offset + length;
        }
        return marked.Append(Text, at, Text.Length - at).ToString();
    }

    public override string ToString() => Marked();
}
