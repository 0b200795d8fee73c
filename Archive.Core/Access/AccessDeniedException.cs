namespace Archive.Core.Access;

/// <summary>
/// The acting user may not do this (Điều 16.8): the command line exits 77, the web answers 403. The message is Vietnamese.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
