namespace Archive.Ingest.Exchange;

/// <summary>
/// One file of a ZIP package, extracted into the package's private folder under a name of ours.
/// <see cref="Problem"/> says why it must be returned (an unsafe name), in Vietnamese; its bytes are still kept.
/// </summary>
/// <param name="EntryName">The name as written in the ZIP (a path, possibly hostile).</param>
/// <param name="Name">A bare file name for the inbox and the reports.</param>
public sealed record ZipPackageEntry(string EntryName, string Path, string Name, string? Problem);
