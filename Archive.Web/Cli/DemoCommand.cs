using System.CommandLine;
using Archive.Core.Application;
using Archive.Ingest.Pipeline;
using Archive.Search;
using Archive.Web.Hosting;

namespace Archive.Web.Cli;

/// <summary>`archive demo`: on an empty data folder, the demo catalog and the sample documents of fixtures/samples, ingested.</summary>
public static class DemoCommand
{
    public static Command Create(CommandRunner runner)
    {
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "Thư mục văn bản mẫu (có metadata.json theo tên tệp)" };
        var demo = new Command("demo", "Tạo dữ liệu mẫu (cơ quan, phông, hồ sơ) và tiếp nhận các văn bản mẫu, nếu danh mục còn trống") { samples };
        runner.Bind(demo, async (context, parse, cancellationToken) =>
        {
            var created = !context.IsInitialised;
            context.OpenOrCreate();
            if (context.Get<ArchiveSetup>().Initialise(created, context.Actor) is { } first) FirstAdministrator.Announce(context, first);
            if (!DemoCatalog.SeedIfEmpty(context.Catalog, context.Actor, context.Clock, context.Log))
            {
                context.Output.Message("Danh mục đã có dữ liệu; không tạo dữ liệu mẫu.");
                return ExitCodes.Ok;
            }
            context.Output.Message($"Đã tạo dữ liệu mẫu: cơ quan {DemoCatalog.AgencyCode}, phông và 3 hồ sơ.");
            await context.Get<SearchIndex>().OpenAsync(cancellationToken).ConfigureAwait(false);
            if (parse.GetValue(samples) is not { Exists: true } folder) return ExitCodes.Ok;
            var files = folder.GetFiles().Where(f => f.Name != "metadata.json").OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
            var metadata = IngestCommands.MetadataPerFile(new FileInfo(Path.Combine(folder.FullName, "metadata.json")) is { Exists: true } m ? m : null, files);
            var requests = files.Select(f => new IngestRequest(f.FullName, metadata(f.Name), DemoCatalog.SampleDossier(context.Clock))).ToList();
            await foreach (var file in context.Get<DocumentReception>().IngestAsync(requests, false, context.Actor,
                               context.Output.Progress(), cancellationToken).ConfigureAwait(false))
                foreach (var outcome in file.Outcomes)
                    context.Output.Message($"Văn bản mẫu {outcome.File}: {outcome.Status} {string.Join("; ", outcome.Reasons)}");
            return ExitCodes.Ok;
        }, createsDataFolder: true);
        return demo;
    }
}
