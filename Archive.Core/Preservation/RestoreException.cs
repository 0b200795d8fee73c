namespace Archive.Core.Preservation;

/// <summary>A restore that cannot start: nothing to restore from, or a destination that is not empty.</summary>
public sealed class RestoreException(string message) : Exception(message);
