using Microsoft.Extensions.Configuration;

namespace Archive.Web.Hosting;

/// <summary>
/// Where settings come from, in rising precedence: the embedded appsettings.json, the environment
/// (ARCHIVE_DATA, and any key as ARCHIVE__Section__Key), then the command line.
/// </summary>
public sealed record ArchiveSettings(string DataFolder, string Urls, IConfiguration Configuration)
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
        return new ArchiveSettings(Path.GetFullPath(data), urls, configuration);
    }
}
