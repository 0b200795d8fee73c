namespace Archive.Web.Hosting;

/// <summary>
/// The agency's wall clock: UTC from the underlying provider, shown in the agency's time zone
/// (Vietnam, UTC+07:00, by default) whatever zone the server itself is set to.
/// </summary>
public sealed class AgencyClock(TimeProvider utc, TimeZoneInfo zone) : TimeProvider
{
    public const string DefaultZone = "Asia/Ho_Chi_Minh";

    public override TimeZoneInfo LocalTimeZone => zone;
    public override DateTimeOffset GetUtcNow() => utc.GetUtcNow();
    public override long GetTimestamp() => utc.GetTimestamp();
    public override long TimestampFrequency => utc.TimestampFrequency;
}
