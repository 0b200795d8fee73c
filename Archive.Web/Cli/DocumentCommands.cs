using System.CommandLine;

namespace Archive.Web.Cli;

/// <summary>`archive document add`: files one file into an open dossier as it is (no conversion) and makes it findable.</summary>
public static class DocumentCommands
{
    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp văn bản" };
        var dossier = new Option<string>("--dossier") { Description = "Mã hồ sơ", Required = true };
        var add = new Command("add", "Đưa một văn bản vào hồ sơ đang mở") { file, dossier, MetadataInput.File, MetadataInput.Set };
        runner.Bind(add, async (context, parse, cancellationToken) =>
        {
            var metadata = MetadataInput.Read(parse, Core.Application.DocumentFiling.Tags);
            await using var content = OutputFile.OpenInput(parse.GetValue(file)!);
            var filed = await context.Filing.AddAsync(parse.GetValue(dossier)!, metadata, content, context.Actor, cancellationToken)
                .ConfigureAwait(false);
            if (filed.NotIndexed is { } warning) context.Output.Progress().Report($"Cảnh báo: {warning}");
            context.Output.Item(filed.Document,
                d => $"Đã đưa văn bản vào hồ sơ {d.FileCode}, số thứ tự {d.DocOrdinal}, mã định danh {d.DocCode}.");
            return ExitCodes.Ok;
        });
        return new Command("document", "Văn bản trong hồ sơ") { add };
    }
}
