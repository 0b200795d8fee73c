using System.Text;
using System.Text.Json;

namespace Archive.Core.Catalog;

/// <summary>
/// Metadata as given by a user or a sender: TT 02 tag names (<c>FileCode</c>, <c>Title</c>, …) and
/// their values as text, before parsing and validation. Keys are the tags of <see cref="Tt02Fields"/>;
/// an unknown key is refused so that a misspelt field is never silently ignored.
/// </summary>
public sealed class Tt02Metadata
{
    private readonly Dictionary<string, string> _values;

    private Tt02Metadata(Dictionary<string, string> values) => _values = values;

    public static Tt02Metadata Empty => new(new Dictionary<string, string>(StringComparer.Ordinal));

    public string? this[string tag] => _values.TryGetValue(tag, out var value) ? value : null;

    public IReadOnlyDictionary<string, string> Values => _values;

    public Tt02Metadata With(string tag, string? value)
    {
        var copy = new Dictionary<string, string>(_values, StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(value)) copy.Remove(tag);
        else copy[tag] = value.Trim().Normalize(NormalizationForm.FormC);
        return new Tt02Metadata(copy);
    }

    /// <summary>Reads one JSON object of tag → value; <paramref name="allowedTags"/> are the tags that apply.</summary>
    public static Tt02Metadata FromJson(string json, IReadOnlySet<string> allowedTags, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new MetadataFormatException(
                $"Tệp siêu dữ liệu '{source}' không phải JSON hợp lệ (dòng {e.LineNumber + 1}, vị trí {e.BytePositionInLine + 1}).", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new MetadataFormatException($"Tệp siêu dữ liệu '{source}' phải là một đối tượng JSON {{\"Tên trường\": \"giá trị\"}}.");
            return FromJson(document.RootElement, allowedTags, source);
        }
    }

    public static Tt02Metadata FromJson(JsonElement element, IReadOnlySet<string> allowedTags, string source)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var property in element.EnumerateObject())
        {
            if (!allowedTags.Contains(property.Name))
            {
                unknown.Add(property.Name);
                continue;
            }
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw new MetadataFormatException(
                    $"Tệp siêu dữ liệu '{source}': trường '{property.Name}' phải là chuỗi hoặc số, không phải {property.Value.ValueKind}."),
            };
            if (!string.IsNullOrWhiteSpace(text)) values[property.Name] = text.Trim().Normalize(NormalizationForm.FormC);
        }
        if (unknown.Count > 0)
            throw new MetadataFormatException(
                $"Tệp siêu dữ liệu '{source}' có trường không thuộc TT 02: {string.Join(", ", unknown)}. " +
                $"Các trường hợp lệ: {string.Join(", ", allowedTags.Order(StringComparer.Ordinal))}.");
        return new Tt02Metadata(values);
    }
}
