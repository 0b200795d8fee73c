using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Issuing;
using Archive.Ingest.Records;

namespace Archive.Web.Cli;

/// <summary>`archive register incoming|outgoing [--year N] [--register SỔ] [--xlsx OUT]`: the registers (NĐ 30 Phụ lục VI).</summary>
public static class RegisterCommands
{
    public static Command Create(CommandRunner runner) =>
        new("register", "Sổ đăng ký văn bản đến, đi") { Incoming(runner), Outgoing(runner) };

    private static Option<int?> Year() => new("--year") { Description = "Năm (mặc định năm nay)" };

    private static Option<FileInfo?> Xlsx() => new("--xlsx") { Description = "Xuất ra tệp XLSX mới" };

    private static Option<FileInfo?> Pdf() => new("--pdf") { Description = "Xuất ra tệp PDF/A mới" };

    private static Option<string?> Find() => new("--find") { Description = "Chỉ các dòng có những từ này (có dấu hoặc không dấu)" };

    private static Command Incoming(CommandRunner runner)
    {
        var (year, xlsx, pdf) = (Year(), Xlsx(), Pdf());
        var find = Find();
        var incoming = new Command("incoming", "Sổ văn bản đến của một năm") { year, xlsx, pdf, find };
        runner.Bind(incoming, async (context, parse, cancellationToken) =>
        {
            var register = context.Get<IncomingRegister>();
            if (parse.GetValue(pdf) is { } printed)
            {
                var bytes = await context.Get<RegisterPrint>().IncomingAsync(parse.GetValue(year), context.Actor, cancellationToken)
                    .ConfigureAwait(false);
                await OutputFile.WriteNewAsync(new MemoryStream(bytes), printed.FullName, cancellationToken).ConfigureAwait(false);
                context.Output.Message($"Đã xuất sổ văn bản đến (PDF/A) ra {printed.FullName}.");
                return ExitCodes.Ok;
            }
            if (parse.GetValue(xlsx) is { } file)
            {
                await WriteAsync(file, stream => register.WriteXlsxAsync(parse.GetValue(year), context.Actor, stream, cancellationToken),
                    cancellationToken).ConfigureAwait(false);
                context.Output.Message($"Đã xuất sổ văn bản đến ra {file.FullName}.");
                return ExitCodes.Ok;
            }
            context.Output.List(register.Lines(parse.GetValue(year), context.Actor, parse.GetValue(find)),
                l => $"{l.Number}  {l.ArrivalDate:dd/MM/yyyy}  {l.Priority ?? "Thường"}  {l.Notation}  {l.OrganName}  {l.Subject}",
                "Sổ chưa có văn bản đến nào.");
            return ExitCodes.Ok;
        });
        return incoming;
    }

    private static Command Outgoing(CommandRunner runner)
    {
        var (year, xlsx, pdf) = (Year(), Xlsx(), Pdf());
        var book = new Option<string?>("--register") { Description = $"Sổ (mặc định \"{NewOutgoingDocument.DefaultRegister}\")" };
        var find = Find();
        var outgoing = new Command("outgoing", "Sổ văn bản đi của một năm") { year, book, xlsx, pdf, find };
        runner.Bind(outgoing, async (context, parse, cancellationToken) =>
        {
            var register = context.Get<OutgoingRegister>();
            if (parse.GetValue(pdf) is { } printed)
            {
                var bytes = await context.Get<RegisterPrint>().OutgoingAsync(parse.GetValue(year), parse.GetValue(book), context.Actor,
                    cancellationToken).ConfigureAwait(false);
                await OutputFile.WriteNewAsync(new MemoryStream(bytes), printed.FullName, cancellationToken).ConfigureAwait(false);
                context.Output.Message($"Đã xuất sổ văn bản đi (PDF/A) ra {printed.FullName}.");
                return ExitCodes.Ok;
            }
            if (parse.GetValue(xlsx) is { } file)
            {
                await WriteAsync(file, stream => register.WriteXlsxAsync(parse.GetValue(year), parse.GetValue(book), context.Actor, stream,
                    cancellationToken), cancellationToken).ConfigureAwait(false);
                context.Output.Message($"Đã xuất sổ văn bản đi ra {file.FullName}.");
                return ExitCodes.Ok;
            }
            context.Output.List(register.Lines(parse.GetValue(year), parse.GetValue(book), context.Actor, parse.GetValue(find)),
                l => $"{l.Code}  {l.IssuedDate:dd/MM/yyyy}  {l.TypeName}: {l.Subject}  (ký: {l.Signer}; nơi nhận: {l.Recipients})" +
                     (l.Note is { } note ? $"  [{note}]" : ""),
                "Sổ chưa cấp số nào.");
            return ExitCodes.Ok;
        });
        return outgoing;
    }

    private static async Task WriteAsync(FileInfo file, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        var workbook = new MemoryStream();
        await write(workbook).ConfigureAwait(false);
        workbook.Position = 0;
        await OutputFile.WriteNewAsync(workbook, file.FullName, cancellationToken).ConfigureAwait(false);
    }
}
