using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Catalog;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// Metadata given for received files (DESIGN.md 5): one JSON object for every file, or an object
/// keyed by file name. Used for `--metadata`, and for the metadata.json inside a ZIP package.
/// </summary>
public sealed class FileMetadata
{
    private readonly Tt02Metadata _forEvery;
    private readonly IReadOnlyDictionary<string, Tt02Metadata> _byName;

    private FileMetadata(Tt02Metadata forEvery, IReadOnlyDictionary<string, Tt02Metadata> byName)
    {
        _forEvery = forEvery;
        _byName = byName;
    }

    public static FileMetadata None { get; } = new(Tt02Metadata.Empty, new Dictionary<string, Tt02Metadata>());

    /// <summary>The metadata of the file with this name (or path, as given in the keyed object).</summary>
    public Tt02Metadata For(string name) => _byName.GetValueOrDefault(name, _forEvery);

    /// <param name="names">The files the metadata is for: an object whose keys are all among them is keyed by name.</param>
    /// <param name="source">Names the metadata in error messages.</param>
    /// <exception cref="MetadataFormatException">Not JSON, or a field that is not a TT 02 tag.</exception>
    public static FileMetadata Parse(string json, IReadOnlyCollection<string> names, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var known = names.ToHashSet(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.EnumerateObject().Any() &&
                document.RootElement.EnumerateObject().All(p => known.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Object))
                return new FileMetadata(Tt02Metadata.Empty, document.RootElement.EnumerateObject()
                    .ToDictionary(p => p.Name, p => Tt02Metadata.FromJson(p.Value, DocumentFiling.Tags, $"{source}:{p.Name}"), StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            // Reported with its position by FromJson below.
        }
        return new FileMetadata(Tt02Metadata.FromJson(json, DocumentFiling.Tags, source), new Dictionary<string, Tt02Metadata>());
    }
}
