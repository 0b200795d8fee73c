using System.CommandLine;
using Archive.Core.Application;

namespace Archive.Web.Cli;

/// <summary>`archive export ID --pdfa|--original|--metadata-xml OUT` (DESIGN.md 5).</summary>
public static class ExportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("id") { Description = "Mã văn bản trong kho" };
        var output = new Argument<FileInfo>("out") { Description = "Tệp ghi ra (không ghi đè tệp đã có)" };
        var pdfa = new Option<bool>("--pdfa") { Description = "Bản PDF/A bảo quản" };
        var original = new Option<bool>("--original") { Description = "Bản gốc đúng như đã nhận (có chữ ký số)" };
        var xml = new Option<bool>("--metadata-xml") { Description = "Siêu dữ liệu TT 02 dạng XML" };
        var export = new Command("export", "Xuất một dạng lưu trữ của văn bản ra tệp") { id, output, pdfa, original, xml };
        runner.Bind(export, async (context, parse, cancellationToken) =>
        {
            var chosen = new[] { (parse.GetValue(pdfa), Representation.PdfA), (parse.GetValue(original), Representation.Original),
                (parse.GetValue(xml), Representation.MetadataXml) }.Where(c => c.Item1).Select(c => c.Item2).ToList();
            if (chosen.Count != 1) throw new UserInputException("Chọn đúng một trong --pdfa, --original, --metadata-xml.");
            var written = parse.GetValue(output)!.FullName;
            OutputFile.EnsureAbsent(written);
            await using (var content = await context.Content.OpenAsync(parse.GetValue(id)!, chosen[0], context.Actor, cancellationToken)
                .ConfigureAwait(false))
                await OutputFile.WriteNewAsync(content.Content, written, cancellationToken).ConfigureAwait(false);
            context.Output.Item(new { file = written }, r => $"Đã xuất {r.file}.");
            return ExitCodes.Ok;
        });
        return export;
    }
}
