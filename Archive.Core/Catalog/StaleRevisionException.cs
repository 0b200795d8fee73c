namespace Archive.Core.Catalog;

/// <summary>An edit started from a revision that is no longer the current one: someone else changed the record first.</summary>
public sealed class StaleRevisionException(string message) : Exception(message);
