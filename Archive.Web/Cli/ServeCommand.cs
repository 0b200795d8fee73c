using System.CommandLine;
using Archive.Core.Storage;
using Archive.Web.Hosting;
using Archive.Web.Jobs;
using Serilog;

namespace Archive.Web.Cli;

/// <summary>`archive serve`: the host process (web, the scheduler, the watched inbox folder when configured), bound to loopback by default.</summary>
public static class ServeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var urls = new Option<string?>("--urls") { Description = "Địa chỉ lắng nghe (mặc định http://127.0.0.1:5080)" };
        var demo = new Option<bool>("--demo") { Description = "Lần chạy đầu: tạo dữ liệu mẫu (cơ quan, phông, hồ sơ)" };
        var serve = new Command("serve", "Chạy máy chủ lưu trữ") { urls, demo };
        runner.Bind(serve, async (context, parse, cancellationToken) =>
        {
            var store = context.OpenOrCreate();
            if (parse.GetValue(demo)) _ = DemoCatalog.SeedIfEmpty(context.Catalog, context.Actor, context.Clock, context.Log);
            if (context.Accounts.CreateFirstAdministrator(context.Actor) is { } first) FirstAdministrator.Announce(context, first);

            var jobs = new ScheduledJobs(store, context.Restricted, context.Settings, context.Clock, context.Log);
            await using var scheduler = await ArchiveScheduler.StartAsync(jobs, context.Settings.TimeZone, context.Clock, context.Log,
                cancellationToken).ConfigureAwait(false);
            await using var intake = IngestWiring.WatchFolder(context.Settings) is { } watch
                ? WatchedFolderService.Start(await IngestWiring.WatchedInboxAsync(context, watch, agencyPolicyForEverything: false, cancellationToken)
                    .ConfigureAwait(false))
                : null;
            var app = ArchiveHost.Build(store, context.Restricted, context.Settings, context.Clock, context.Log,
                parse.GetValue(urls) ?? context.Settings.Urls);
            context.Log.Information("Archive serving {DataFolder} on {Urls}", context.Folder.Root, app.Urls);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }, createsDataFolder: true, consoleLevel: Serilog.Events.LogEventLevel.Information);
        return serve;
    }
}
