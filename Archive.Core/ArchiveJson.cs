using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Core.Catalog;

namespace Archive.Core;

/// <summary>The one JSON option set: command-line output, stored reports and the web API write JSON the same way.</summary>
public static class ArchiveJson
{
    public static readonly JsonSerializerOptions Options = Create();

    /// <summary>camelCase names, Vietnamese kept readable, enums as camelCase text, catalog values as their canonical text.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new CatalogValueJsonConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
