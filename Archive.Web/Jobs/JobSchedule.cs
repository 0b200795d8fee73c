namespace Archive.Web.Jobs;

/// <summary>A job of the archive and when it runs (a Quartz cron expression, in the agency's time zone).</summary>
public sealed record JobSchedule(string Name, string Cron);
