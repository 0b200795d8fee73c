using System.CommandLine;
using Archive.Core.Application;

namespace Archive.Web.Cli;

/// <summary>`archive document add`: files one file into an open dossier as it is (no conversion).</summary>
public static class DocumentCommands
{
    public static Command Create(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp văn bản" };
        var dossier = new Option<string>("--dossier") { Description = "Mã hồ sơ", Required = true };
        var add = new Command("add", "Đưa một văn bản vào hồ sơ đang mở") { file, dossier, MetadataInput.File, MetadataInput.Set };
        runner.Bind(add, async (context, parse, cancellationToken) =>
        {
            var source = parse.GetValue(file)!;
            var metadata = MetadataInput.Read(parse, DocumentFiling.Tags);
            if (!source.Exists) throw new UserInputException($"Không tìm thấy tệp '{source.FullName}'.");
            await using var content = source.OpenRead();
            var document = await context.Filing
                .FileAsync(parse.GetValue(dossier)!, metadata, content, context.Actor, cancellationToken).ConfigureAwait(false);
            await IndexUpdate.AfterFilingAsync(context, document.Id, cancellationToken).ConfigureAwait(false);
            context.Output.Item(document, d => $"Đã đưa văn bản vào hồ sơ {d.FileCode}, số thứ tự {d.DocOrdinal}, mã định danh {d.DocCode}.");
            return ExitCodes.Ok;
        });
        return new Command("document", "Văn bản trong hồ sơ") { add };
    }
}
