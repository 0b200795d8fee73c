namespace Archive.Core.Indexing;

/// <summary>
/// The index cannot be changed now (another process writes it, its disk failed): the catalog stays the truth, a reindex repairs it.
/// </summary>
public class IndexUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
