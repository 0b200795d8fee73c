using Archive.Core.Catalog;
using Archive.Core.Registry;

namespace Archive.Core.Processing;

/// <summary>A registered incoming document not yet presented to a leader; <see cref="Late"/> once its day (or hour) is over.</summary>
public sealed record UnpresentedArrival(ArrivalEntry Arrival, ArchivedDocument? Document, bool Late);
