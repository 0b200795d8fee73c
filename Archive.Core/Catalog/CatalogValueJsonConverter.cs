using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.Core.Catalog;

/// <summary>Writes the catalog's value types (codes, periods, modes) as their canonical text in JSON output.</summary>
public sealed class CatalogValueJsonConverter : JsonConverterFactory
{
    private static readonly HashSet<Type> ValueTypes =
    [
        typeof(AgencyCode), typeof(DossierCode), typeof(DocumentNotation), typeof(RetentionPeriod),
        typeof(AccessMode), typeof(ConfidenceLevel), typeof(LanguageCode),
    ];

    public override bool CanConvert(Type typeToConvert) => ValueTypes.Contains(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(AsText<>).MakeGenericType(typeToConvert))!;

    private sealed class AsText<T> : JsonConverter<T> where T : class
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Catalog values are written, not read, as JSON here.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
