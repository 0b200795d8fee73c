using System.CommandLine;
using Archive.Core.Application;
using Archive.Ingest.Transfers;

namespace Archive.Web.Cli;

/// <summary>`archive transfer export|verify`: transfer packages (BagIt) for the historical archive, thin shells over services.</summary>
public static class TransferCommands
{
    public static Command Create(CommandRunner runner) => new("transfer", "Nộp lưu hồ sơ: lập và kiểm tra gói BagIt (RFC 8493)")
    {
        Due(runner), Accept(runner), Export(runner), Verify(runner), Import(runner),
    };

    private static Command Due(CommandRunner runner)
    {
        var days = new Option<int?>("--days") { Description = "Báo trước bao nhiêu ngày (mặc định 30)" };
        var due = new Command("due",
            "Hồ sơ đến hạn (hoặc quá hạn) nộp lưu vào Lưu trữ cơ quan, Lưu trữ lịch sử, và hồ sơ hết thời hạn bảo quản")
        {
            days,
        };
        runner.Bind(due, (context, parse) =>
        {
            context.Output.List(context.Get<TransferService>().Due(context.Actor, parse.GetValue(days)),
                d => $"{d.DueDate:dd/MM/yyyy}{(d.Overdue ? " (quá hạn)" : "")}  {d.Dossier.FileCode}  {d.KindName}  " +
                     $"({d.Dossier.Maintenance.Value})  {d.Dossier.Title}",
                "Không có hồ sơ nào đến hạn.");
            return ExitCodes.Ok;
        });
        return due;
    }

    private static Command Accept(CommandRunner runner)
    {
        var dossiers = new Argument<string[]>("dossier") { Description = "Mã các hồ sơ đã đóng", Arity = ArgumentArity.OneOrMore };
        var accept = new Command("accept", "Nhận hồ sơ đã đóng vào Lưu trữ cơ quan (nộp lưu cơ quan)") { dossiers };
        runner.Bind(accept, (context, parse) =>
        {
            context.Output.List(context.Get<TransferService>().Accept(parse.GetValue(dossiers)!, context.Actor),
                d => $"Đã nhận hồ sơ {d.FileCode} vào Lưu trữ cơ quan.", "");
            return ExitCodes.Ok;
        });
        return accept;
    }

    private static Command Export(CommandRunner runner)
    {
        var dossiers = new Argument<string[]>("dossier")
        {
            Description = "Mã các hồ sơ (đã đóng) đưa vào gói", Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<DirectoryInfo>("--to") { Description = "Thư mục gói ghi ra (thư mục mới)", Required = true };
        var export = new Command("export",
            "Lập gói nộp lưu: bản gốc, bản PDF/A, siêu dữ liệu TT 02 (XML), báo cáo chữ ký, lịch sử PREMIS của từng văn bản, " +
            "mục lục hồ sơ; lập dở thì chạy lại để tiếp tục")
        {
            dossiers, to,
        };
        runner.Bind(export, async (context, parse, cancellationToken) =>
        {
            var package = await context.Get<TransferExport>().ExportAsync(parse.GetValue(dossiers)!, parse.GetValue(to)!.FullName,
                context.Actor, context.Output.Progress(), cancellationToken).ConfigureAwait(false);
            context.Output.Item(package, p => $"Đã lập gói nộp lưu {p.Identifier}: {p.Dossiers.Count} hồ sơ, {p.Documents} văn bản, " +
                                              $"{p.PayloadFiles} tệp, {p.PayloadBytes} byte: {p.Bag}");
            return ExitCodes.Ok;
        });
        return export;
    }

    private static Command Import(CommandRunner runner)
    {
        var bag = new Argument<DirectoryInfo>("bag") { Description = "Thư mục gói nộp lưu nhận được" };
        var import = new Command("import",
            "Nhận một gói nộp lưu: kiểm tra cả gói, kiểm tra lại từng chữ ký số và siêu dữ liệu TT 02, rồi nhập các hồ sơ kèm nguồn gốc " +
            "và lịch sử; có lỗi thì không nhập gì")
        {
            bag,
        };
        runner.Bind(import, async (context, parse, cancellationToken) =>
        {
            try
            {
                var result = await context.Get<TransferImport>().ImportAsync(parse.GetValue(bag)!.FullName, context.Actor,
                    context.Output.Progress(), cancellationToken).ConfigureAwait(false);
                context.Output.Item(result, r =>
                    $"Đã nhập gói {r.Package} của {r.Sender}: {r.Filed.Count} hồ sơ, {r.Documents} văn bản" +
                    (r.AlreadyFiled.Count > 0 ? $" ({r.AlreadyFiled.Count} hồ sơ đã nhập từ lần trước)." : "."));
                return ExitCodes.Ok;
            }
            catch (TransferRefusedException e)
            {
                context.Output.Error(e.Message);
                foreach (var problem in e.Problems) context.Output.Error(problem);
                return ExitCodes.CheckFailed;
            }
        });
        return import;
    }

    private static Command Verify(CommandRunner runner)
    {
        var bag = new Argument<DirectoryInfo>("bag") { Description = "Thư mục gói BagIt cần kiểm tra" };
        var verify = new Command("verify", "Kiểm tra một gói BagIt của bất kỳ ai: đủ tệp, không thừa tệp, mọi mã kiểm tra đúng") { bag };
        runner.Bind(verify, async (context, parse, cancellationToken) =>
        {
            var result = await context.Get<BagVerifier>().VerifyAsync(parse.GetValue(bag)!.FullName, context.Output.Progress(),
                cancellationToken).ConfigureAwait(false);
            if (context.Output.Json) context.Output.Item(result, _ => "");
            else if (result.Valid)
                context.Output.Message($"Gói hợp lệ (BagIt {result.Version}, {string.Join(", ", result.Algorithms)}): " +
                                       $"{result.PayloadFiles} tệp, {result.PayloadBytes} byte.");
            else
                foreach (var problem in result.Problems)
                    context.Output.Error(problem);
            return result.Valid ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return verify;
    }
}
