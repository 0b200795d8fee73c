namespace Archive.Core.Catalog;

/// <summary>The catalog has no record with the identifier asked for.</summary>
public sealed class CatalogNotFoundException(string message) : Exception(message);
