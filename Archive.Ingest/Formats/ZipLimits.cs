namespace Archive.Ingest.Formats;

/// <summary>
/// How much a ZIP container (a package, or an office document) may unpack to: a file past these
/// limits is a compression bomb or not a records package, and is returned without being inflated.
/// </summary>
/// <param name="RatioCheckedFrom">Small entries (an XML part, a few bytes of zeros) legitimately compress very well; the ratio is judged above this size.</param>
public sealed record ZipLimits(int MaxEntries, long MaxTotalBytes, double MaxRatio, long RatioCheckedFrom)
{
    public static readonly ZipLimits Default = new(MaxEntries: 1000, MaxTotalBytes: 2L << 30, MaxRatio: 200, RatioCheckedFrom: 1 << 20);
}
