using Archive.Ingest.Pipeline;

namespace Archive.Ingest.Intake;

/// <summary>
/// A file taken from the watched folder: what became of the documents in it, and the folder it was
/// moved to (<see cref="WatchFolderLayout.AcceptedFolderName"/> or <see cref="WatchFolderLayout.ReturnedFolderName"/>).
/// </summary>
/// <param name="FinishedFromEarlierRun">The inbox already held it when an interrupted run was found: only the move was left to do.</param>
public sealed record IntakeResult(string File, string MovedTo, IReadOnlyList<IngestOutcome> Outcomes, bool FinishedFromEarlierRun);
