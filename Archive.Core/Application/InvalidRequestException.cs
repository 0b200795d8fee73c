namespace Archive.Core.Application;

/// <summary>
/// A request a service cannot carry out as asked (a backup onto the data folder's own disk, say): the message says why, in Vietnamese.
/// </summary>
public sealed class InvalidRequestException(string message) : Exception(message);
