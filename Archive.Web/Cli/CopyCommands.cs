using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Copies;
using Archive.Core.Storage;
using Archive.Ingest.Copies;
using Archive.Ingest.Signatures;

namespace Archive.Web.Cli;

/// <summary>`archive copy request|approve|refuse|make|list|verify`: certified copies, thin shells over the copy services.</summary>
public static class CopyCommands
{
    private static readonly Argument<string> RequestId = new("request") { Description = "Số yêu cầu sao (năm-số, ví dụ 2026-000001)" };

    public static Command Create(CommandRunner runner) => new("copy", "Bản sao điện tử: SAO Y, SAO LỤC, TRÍCH SAO (NĐ 30/2020 Điều 25–26)")
    {
        Request(runner), Approve(runner), Refuse(runner), Make(runner), List(runner), Verify(runner),
    };

    private static Command Request(CommandRunner runner)
    {
        var document = new Argument<string>("document") { Description = "Mã văn bản trong kho" };
        var form = new Option<string>("--form") { Description = "Hình thức sao: sao-y, sao-luc, trich-sao", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "Mục đích sao", Required = true };
        var recipient = new Option<string>("--recipient") { Description = "Nơi nhận bản sao", Required = true };
        var pages = new Option<string?>("--pages") { Description = "Trích sao: các trang, ví dụ 1-3,5" };
        var from = new Option<string?>("--from") { Description = "Sao lục: số yêu cầu của bản sao y đã cấp" };
        var request = new Command("request", "Yêu cầu cấp bản sao một văn bản") { document, form, purpose, recipient, pages, from };
        runner.Bind(request, (context, parse) =>
        {
            var created = context.Get<CopyService>().Request(new NewCopyRequest(parse.GetValue(document)!, parse.GetValue(form)!,
                parse.GetValue(purpose)!, parse.GetValue(recipient)!, parse.GetValue(pages), parse.GetValue(from)), context.Actor);
            context.Output.Item(created, r => $"Đã ghi yêu cầu {r.CopyForm.Name} số {r.Id}, chờ phê duyệt.");
            return ExitCodes.Ok;
        });
        return request;
    }

    private static Command Approve(CommandRunner runner)
    {
        var approve = new Command("approve", "Phê duyệt một yêu cầu sao") { RequestId };
        runner.Bind(approve, (context, parse) =>
        {
            var approved = context.Get<CopyService>().Approve(parse.GetValue(RequestId)!, context.Actor);
            context.Output.Item(approved, r => $"Đã duyệt yêu cầu {r.CopyForm.Name} số {r.Id}.");
            return ExitCodes.Ok;
        });
        return approve;
    }

    private static Command Refuse(CommandRunner runner)
    {
        var reason = new Option<string>("--reason") { Description = "Lý do từ chối", Required = true };
        var refuse = new Command("refuse", "Từ chối một yêu cầu sao, có lý do") { RequestId, reason };
        runner.Bind(refuse, (context, parse) =>
        {
            var refused = context.Get<CopyService>().Refuse(parse.GetValue(RequestId)!, parse.GetValue(reason)!, context.Actor);
            context.Output.Item(refused, r => $"Đã từ chối yêu cầu {r.CopyForm.Name} số {r.Id}: {r.RefusalReason}");
            return ExitCodes.Ok;
        });
        return refuse;
    }

    private static Command Make(CommandRunner runner)
    {
        var output = new Option<FileInfo>("--out") { Description = "Tệp bản sao ghi ra (tệp mới)", Required = true };
        var keys = new SigningKeyOptions();
        var make = new Command("make",
            "Làm bản sao đã được duyệt: đóng dấu, ký số bằng khoá của cơ quan (khoá cho ở đây, hoặc khoá cấu hình Archive:Copies:Key), " +
            "ghi sổ bản sao")
        {
            RequestId, output,
        };
        keys.AddTo(make);
        runner.Bind(make, async (context, parse, cancellationToken) =>
        {
            var entry = await context.Get<CopyIssuing>().IssueAsync(parse.GetValue(RequestId)!, keys.SourceIfGiven(parse),
                parse.GetValue(output)!.FullName, context.Actor, cancellationToken).ConfigureAwait(false);
            context.Output.Item(entry, e => $"Đã cấp {e.CopyForm.Name} số {e.Notation} (mã xác thực {e.VerificationCode}) " +
                                            $"cho {e.Recipient}: {parse.GetValue(output)!.FullName}; SHA-256 {e.Sha256}.");
            return ExitCodes.Ok;
        });
        return make;
    }

    private static Command Verify(CommandRunner runner)
    {
        var file = new Argument<FileInfo?>("file") { Description = "Tệp bản sao cần xác thực", Arity = ArgumentArity.ZeroOrOne };
        var code = new Option<string?>("--code") { Description = "Mã xác thực in trên bản sao" };
        var verify = new Command("verify", "Xác thực một bản sao: do kho này cấp và còn nguyên vẹn?") { file, code };
        runner.Bind(verify, async (context, parse, cancellationToken) =>
        {
            var given = parse.GetValue(file);
            if ((given is null) == (parse.GetValue(code) is null))
                throw new InvalidRequestException("Cho một tệp bản sao hoặc một mã xác thực (--code).");
            Sha256Digest? digest = null;
            if (given is not null)
            {
                await using var stream = given.OpenRead();
                digest = await Sha256Digest.ComputeAsync(stream, cancellationToken).ConfigureAwait(false);
            }
            var found = context.Get<CopyService>().Verify(digest, parse.GetValue(code));
            if (found is null)
            {
                context.Output.Error(given is null
                    ? "Không có bản sao nào mang mã xác thực này."
                    : "Tệp này không phải bản sao do kho cấp, hoặc đã bị sửa đổi sau khi ký: không xác thực được.");
                return ExitCodes.CheckFailed;
            }
            var how = given is null ? "mã xác thực khớp" : "tệp còn nguyên vẹn";
            context.Output.Item(found, v => $"Bản sao hợp lệ: {v.FormName} số {v.Notation} của {v.OrganName}, {v.PageCount} trang, " +
                                            $"ký lúc {v.SignedAt.ToOffset(AgencyRules.VietnamOffset):dd/MM/yyyy HH:mm:ss}; {how}.");
            return ExitCodes.Ok;
        });
        return verify;
    }

    private static Command List(CommandRunner runner)
    {
        var status = new Option<CopyRequestStatus?>("--status") { Description = "Requested, Approved, Refused hoặc Made" };
        var list = new Command("list", "Các yêu cầu sao của mình, và của cơ quan với người phê duyệt") { status };
        runner.Bind(list, (context, parse) =>
        {
            context.Output.List(context.Get<CopyService>().List(context.Actor, parse.GetValue(status)),
                r => $"{r.Id}  {r.CopyForm.Name,-9}  {r.DocumentId}{(r.Pages is null ? "" : $" trang {r.Pages}")}  {r.Status}  " +
                     $"{r.RequestedBy} → {r.Recipient}{(r.RefusalReason is null ? "" : $"  ({r.RefusalReason})")}",
                "Chưa có yêu cầu sao nào.");
            return ExitCodes.Ok;
        });
        return list;
    }
}
