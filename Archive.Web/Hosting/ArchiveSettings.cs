using Microsoft.Extensions.Configuration;

namespace Archive.Web.Hosting;

/// <summary>
/// Where settings come from, in rising precedence: the embedded appsettings.json, the environment
/// (ARCHIVE_DATA, and any key as ARCHIVE__Section__Key), then the command line.
/// </summary>
public sealed record ArchiveSettings(string DataFolder, string Urls, TimeZoneInfo TimeZone, IConfiguration Configuration)
{
    public const string DefaultDataFolder = "archive-data";

    public static ArchiveSettings Load(string? dataOption, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("ARCHIVE__")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var data = dataOption
                   ?? Environment.GetEnvironmentVariable("ARCHIVE_DATA")
                   ?? configuration["Archive:DataFolder"]
                   ?? DefaultDataFolder;
        var urls = configuration["Archive:Urls"] ?? "http://127.0.0.1:5080";
        var zoneId = configuration["Archive:TimeZone"] ?? AgencyClock.DefaultZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            zone = zoneId == AgencyClock.DefaultZone
                // Vietnam keeps UTC+07:00 all year; a machine without tzdata still gets it right.
                ? TimeZoneInfo.CreateCustomTimeZone(zoneId, TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam")
                : throw new InvalidDataException($"Múi giờ '{zoneId}' (Archive:TimeZone) không có trên máy này.");
        return new ArchiveSettings(Path.GetFullPath(data), urls, zone, configuration);
    }
}
