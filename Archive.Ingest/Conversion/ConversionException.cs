namespace Archive.Ingest.Conversion;

/// <summary>
/// Making one document's preservation copy failed. The message is Vietnamese, for the records
/// officer; <see cref="Tool"/> and <see cref="ExitCode"/> say which converter and how.
/// </summary>
public sealed class ConversionException : Exception
{
    public ConversionException(ConversionFailure failure, string tool, string message, int? exitCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
        Tool = tool;
        ExitCode = exitCode;
    }

    public ConversionFailure Failure { get; }

    /// <summary>The converter involved, e.g. "ghostscript", "ocrmypdf"; the source's kind for source failures.</summary>
    public string Tool { get; }

    public int? ExitCode { get; }
}
