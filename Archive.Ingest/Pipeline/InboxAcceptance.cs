using Archive.Core.Catalog;
using Archive.Core.Registry;

namespace Archive.Ingest.Pipeline;

/// <summary>
/// An inbox item accepted: filed, numbered, preserved and indexed. <see cref="NotPreserved"/> and <see cref="NotIndexed"/>
/// say, in Vietnamese, what is left for later (the document is filed either way).
/// </summary>
public sealed record InboxAcceptance(InboxItem Item, ArchivedDocument Document, ArrivalEntry Arrival, string? NotPreserved,
    string? NotIndexed);
