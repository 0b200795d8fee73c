namespace Archive.Ingest.Exchange;

/// <summary>A ZIP package opened: its files, and the metadata.json it carried (null when none).</summary>
public sealed record ZipPackage(IReadOnlyList<ZipPackageEntry> Entries, string? MetadataJson)
{
    public const string MetadataEntry = "metadata.json";
}
