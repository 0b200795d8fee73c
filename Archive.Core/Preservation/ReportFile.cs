namespace Archive.Core.Preservation;

/// <summary>A report the archive wrote (fixity check minutes): what a list of downloads shows.</summary>
public sealed record ReportFile(string Name, long Length, DateTime WrittenUtc);
