using Microsoft.Extensions.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Archive.Web.Hosting;

/// <summary>
/// Structured logs: compact JSON in a daily rolling file under &lt;data&gt;/logs, and text on standard
/// error so that standard output stays clean for --json results.
/// </summary>
public static class ArchiveLogging
{
    public static Serilog.Core.Logger Create(ArchiveSettings settings, LogEventLevel consoleLevel, bool toFile)
    {
        var section = settings.Configuration.GetSection("Logging");
        var fileLevel = Enum.TryParse<LogEventLevel>(section["FileLevel"], out var f) ? f : LogEventLevel.Information;
        var retained = int.TryParse(section["RetainedFiles"], out var r) ? r : 90;
        var logger = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Process", Environment.ProcessId)
            .WriteTo.Console(restrictedToMinimumLevel: consoleLevel, standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        // No file before the data folder exists: a rejected command must leave nothing behind.
        if (toFile)
            logger.WriteTo.File(new CompactJsonFormatter(), Path.Combine(settings.DataFolder, "logs", "archive-.log"),
                restrictedToMinimumLevel: fileLevel, rollingInterval: RollingInterval.Day, retainedFileCountLimit: retained);
        return logger.CreateLogger();
    }
}
