namespace Archive.Core.Catalog;

/// <summary>A metadata file that cannot be read as TT 02 metadata (not JSON, wrong shape, unknown tag).</summary>
public sealed class MetadataFormatException(string message, Exception? inner = null) : Exception(message, inner);
