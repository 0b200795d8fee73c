namespace Archive.Ingest.Exchange;

/// <summary>A ZIP package that cannot be opened safely as a whole; the message is the Vietnamese reason for the sender.</summary>
public sealed class ZipPackageException(string message, Exception? inner = null) : Exception(message, inner);
