namespace Archive.Ingest.Conversion;

/// <summary>
/// One run of an external converter. Arguments are a list, never a shell string, so a file name
/// can never become a command.
/// </summary>
/// <param name="Tool">Short name used in messages and logs, e.g. "ghostscript".</param>
/// <param name="Executable">Program name looked up on PATH, or an absolute path.</param>
/// <param name="MemoryLimitBytes">Address-space limit (RLIMIT_AS) of the process; null for none.</param>
public sealed record ToolInvocation(
    string Tool,
    string Executable,
    IReadOnlyList<string> Arguments,
    TimeSpan Timeout,
    long? MemoryLimitBytes = null,
    string? WorkingDirectory = null)
{
    /// <summary>Extra environment variables; the rest is inherited.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
