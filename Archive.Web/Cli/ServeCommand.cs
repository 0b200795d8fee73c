using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Storage;
using Archive.Ingest.Pipeline;
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
            var created = !context.IsInitialised;
            var store = context.OpenOrCreate();
            // The host's container is the one composition (CliContext.Compose): the web, the jobs and the watched folder share it.
            await using var app = ArchiveHost.Build(context.Compose, context.Settings, context.Log,
                parse.GetValue(urls) ?? context.Settings.Urls);
            if (app.Services.GetRequiredService<ArchiveSetup>().Initialise(created, context.Actor) is { } first)
                FirstAdministrator.Announce(context, first);
            if (parse.GetValue(demo))
                _ = DemoCatalog.SeedIfEmpty(app.Services.GetRequiredService<CatalogService>(), context.Actor, context.Clock, context.Log);

            var jobs = app.Services.GetRequiredService<ScheduledJobs>();
            await using var scheduler = await ArchiveScheduler.StartAsync(jobs, context.Settings, context.Clock, context.Log,
                cancellationToken).ConfigureAwait(false);
            await using var intake = context.Settings.WatchFolder() is { } watch
                ? WatchedFolderService.Start(await app.Services.GetRequiredService<DocumentReception>()
                    .WatchAsync(watch, agencyPolicyForEverything: false, context.Actor, cancellationToken).ConfigureAwait(false))
                : null;
            // On a shared (PostgreSQL) catalog other nodes and commands file documents too: this node's index follows the log.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var feed = context.Settings.Catalog.PostgresConnectionString is null
                ? Task.CompletedTask
                : app.Services.GetRequiredService<Archive.Search.IndexFeed>().RunAsync(context.Settings.IndexFeedInterval, stopping.Token);
            context.Log.Information("Archive serving {DataFolder} on {Urls}", context.Folder.Root, app.Urls);
            await app.RunAsync(cancellationToken).ConfigureAwait(false);
            await stopping.CancelAsync().ConfigureAwait(false);
            await feed.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            return ExitCodes.Ok;
        }, createsDataFolder: true, consoleLevel: Serilog.Events.LogEventLevel.Information);
        return serve;
    }
}
