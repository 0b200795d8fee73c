using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Disposal;
using Archive.Ingest.Disposal;

namespace Archive.Web.Cli;

/// <summary>
/// `archive disposal list|review|hold|release|approve|destroy|record`: retention and disposal (tiêu hủy), thin shells over
/// <see cref="DisposalService"/> and <see cref="DossierDestruction"/>.
/// </summary>
public static class DisposalCommands
{
    public static Command Create(CommandRunner runner) => new("disposal",
        "Hồ sơ hết thời hạn bảo quản: thẩm định theo Hội đồng xác định giá trị, giữ hồ sơ, duyệt hủy, hủy và biên bản hủy")
    {
        List(runner), Review(runner), Hold(runner), Release(runner), Approve(runner), Destroy(runner), Record(runner),
    };

    private static Argument<string> Dossier() => new("dossier") { Description = "Mã hồ sơ" };

    private static Argument<string[]> Dossiers() => new("dossier") { Description = "Mã các hồ sơ", Arity = ArgumentArity.OneOrMore };

    private static Command List(CommandRunner runner)
    {
        var days = new Option<int?>("--days") { Description = "Báo trước bao nhiêu ngày (mặc định 30)" };
        var restricted = new Option<bool>("--restricted") { Description = "Liệt kê kho hạn chế sử dụng (chỉ trên máy cách ly mạng)" };
        var list = new Command("list", "Hồ sơ đã hết (hoặc sắp hết trong 30 ngày) thời hạn bảo quản, và việc thẩm định, hủy đến đâu")
        {
            days, restricted,
        };
        runner.Bind(list, (context, parse) =>
        {
            context.Output.List(context.Get<DisposalService>().Expiring(context.Actor, parse.GetValue(days), parse.GetValue(restricted)),
                c => $"{c.RetentionEnds:dd/MM/yyyy}{(c.Ended ? " (đã hết hạn)" : "")}  {c.Dossier.FileCode}  " +
                     $"({c.Dossier.Maintenance.Value})  {c.Dossier.Title}: {c.State}",
                "Không có hồ sơ nào hết thời hạn bảo quản.");
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Review(CommandRunner runner)
    {
        var dossier = Dossier();
        var decision = new Option<string>("--decision")
        {
            Description = "Quyết định của Hội đồng: giu (kéo dài thời hạn), nop-luu (vĩnh viễn), huy", Required = true,
        };
        var council = new Option<string>("--council")
        {
            Description = "Số, ngày biên bản hoặc quyết định của Hội đồng xác định giá trị tài liệu", Required = true,
        };
        var retention = new Option<string?>("--retention") { Description = "Thời hạn bảo quản mới khi giữ lại, ví dụ \"20 năm\"" };
        var reason = new Option<string?>("--reason") { Description = "Lý do, ý kiến của Hội đồng" };
        var review = new Command("review", "Ghi quyết định của Hội đồng xác định giá trị tài liệu cho hồ sơ hết thời hạn bảo quản")
        {
            dossier, decision, council, retention, reason,
        };
        runner.Bind(review, (context, parse) =>
        {
            var longer = parse.GetValue(retention) is { } text ? RetentionPeriod.Parse(text) : null;
            var after = context.Get<DisposalService>().Review(parse.GetValue(dossier)!, AppraisalDecisions.Parse(parse.GetValue(decision)!),
                parse.GetValue(council)!, longer, parse.GetValue(reason), context.Actor);
            context.Output.Item(after, d => $"Đã ghi quyết định \"{AppraisalDecisions.Name(d.Appraisal!.Decision)}\" cho hồ sơ " +
                                            $"{d.FileCode} (thời hạn bảo quản: {d.Maintenance.Value}).");
            return ExitCodes.Ok;
        });
        return review;
    }

    private static Command Hold(CommandRunner runner)
    {
        var dossier = Dossier();
        var reason = new Option<string>("--reason") { Description = "Vì sao phải giữ (thanh tra, khiếu nại, vụ án…)", Required = true };
        var hold = new Command("hold", "Giữ hồ sơ: không được hủy khi lệnh giữ còn hiệu lực") { dossier, reason };
        runner.Bind(hold, (context, parse) =>
        {
            var placed = context.Get<DisposalService>().Hold(parse.GetValue(dossier)!, parse.GetValue(reason)!, context.Actor);
            context.Output.Item(placed, h => $"Đã giữ hồ sơ {parse.GetValue(dossier)} (mã lệnh giữ {h.Id}).");
            return ExitCodes.Ok;
        });
        return hold;
    }

    private static Command Release(CommandRunner runner)
    {
        var dossier = Dossier();
        var id = new Option<string>("--hold") { Description = "Mã lệnh giữ", Required = true };
        var reason = new Option<string>("--reason") { Description = "Vì sao không còn phải giữ", Required = true };
        var release = new Command("release", "Gỡ lệnh giữ hồ sơ") { dossier, id, reason };
        runner.Bind(release, (context, parse) =>
        {
            var after = context.Get<DisposalService>().Release(parse.GetValue(dossier)!, parse.GetValue(id)!, parse.GetValue(reason)!,
                context.Actor);
            context.Output.Item(after, d => $"Đã gỡ lệnh giữ {parse.GetValue(id)} của hồ sơ {d.FileCode}.");
            return ExitCodes.Ok;
        });
        return release;
    }

    private static Command Approve(CommandRunner runner)
    {
        var dossiers = Dossiers();
        var approve = new Command("approve", "Người đứng đầu cơ quan duyệt hủy các hồ sơ Hội đồng đề nghị hủy") { dossiers };
        runner.Bind(approve, (context, parse) =>
        {
            context.Output.List(context.Get<DisposalService>().Approve(parse.GetValue(dossiers)!, context.Actor),
                d => $"Đã duyệt hủy hồ sơ {d.FileCode}.", "");
            return ExitCodes.Ok;
        });
        return approve;
    }

    private static Command Destroy(CommandRunner runner)
    {
        var dossiers = Dossiers();
        var destroy = new Command("destroy",
            "Hủy các hồ sơ đã được duyệt hủy: lập biên bản hủy (PDF/A, ký số), xóa nội dung khỏi kho, giữ siêu dữ liệu; " +
            "bị ngắt giữa chừng thì chạy lại để hoàn tất")
        {
            dossiers,
        };
        runner.Bind(destroy, async (context, parse, cancellationToken) =>
        {
            var done = await context.Get<DossierDestruction>().DestroyAsync(parse.GetValue(dossiers)!, context.Actor,
                context.Output.Progress(), cancellationToken).ConfigureAwait(false);
            foreach (var warning in done.Warnings) context.Output.Progress().Report($"Cảnh báo: {warning}");
            context.Output.Item(done, d => $"Đã hủy {d.Dossiers.Count} hồ sơ, {d.Documents} văn bản theo biên bản {d.Record}: " +
                                           $"xóa {d.FilesRemoved} tệp, {d.BytesRemoved} byte.");
            return ExitCodes.Ok;
        });
        return destroy;
    }

    private static Command Record(CommandRunner runner)
    {
        var dossier = Dossier();
        var to = new Option<FileInfo>("--to") { Description = "Tệp PDF ghi ra (tệp mới)", Required = true };
        var record = new Command("record", "Lấy biên bản hủy (PDF/A đã ký số) của một hồ sơ đã hủy") { dossier, to };
        runner.Bind(record, async (context, parse, cancellationToken) =>
        {
            var path = parse.GetValue(to)!.FullName;
            await using (var content = context.Get<DisposalService>().OpenRecord(parse.GetValue(dossier)!, context.Actor))
                await OutputFile.WriteNewAsync(content, path, cancellationToken).ConfigureAwait(false);
            context.Output.Message($"Đã ghi biên bản hủy: {path}");
            return ExitCodes.Ok;
        });
        return record;
    }
}
