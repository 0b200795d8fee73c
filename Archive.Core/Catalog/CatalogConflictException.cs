namespace Archive.Core.Catalog;

/// <summary>A record with the same identifier is already in the catalog.</summary>
public sealed class CatalogConflictException(string message) : Exception(message);
