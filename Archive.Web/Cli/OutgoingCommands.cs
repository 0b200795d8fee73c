using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Issuing;
using Archive.Core.Processing;
using Archive.Ingest.Issuing;
using Archive.Ingest.Signing;

namespace Archive.Web.Cli;

/// <summary>
/// `archive outgoing draft|revise|submit|comment|return|sign|number|issue|recall|status|list|show`: issuing outgoing documents
/// (Điều 12, 13), thin shells over <see cref="IssuingService"/> and <see cref="OutgoingIssuing"/>.
/// </summary>
public static class OutgoingCommands
{
    public static Command Create(CommandRunner runner) => new("outgoing",
        "Văn bản đi: dự thảo, trình ký, ký số, cấp số và ký số cơ quan, phát hành, thu hồi, trạng thái từ nơi nhận")
    {
        Draft(runner), Revise(runner), Submit(runner), Comment(runner), Return(runner), Sign(runner), Number(runner), Issue(runner),
        Recall(runner), Status(runner), Paper(runner), List(runner), Show(runner),
    };

    private static Argument<string> Id() => new("id") { Description = "Mã văn bản đi" };

    public static string Line(OutgoingDocument d) =>
        $"{d.Id}  {d.Code ?? "(chưa có số)"}  {OutgoingStatusName.Of(d.Status)}  {d.TypeName}: {d.Subject}" +
        (d.Signer is { } signer ? $"  (người ký {signer})" : "");

    /// <summary>The options a draft and a paper document share: what it is, where it is filed, whom it goes to.</summary>
    private sealed class Description
    {
        public Option<string> Type { get; } = new("--type") { Description = "Tên loại văn bản (Quyết định, Công văn…)", Required = true };
        public Option<string> Notation { get; } = new("--notation") { Description = "Ký hiệu sau số, ví dụ QĐ-UBND", Required = true };
        public Option<string> Subject { get; } = new("--subject") { Description = "Trích yếu nội dung", Required = true };
        public Option<string> Dossier { get; } = new("--dossier") { Description = "Mã hồ sơ lập văn bản vào", Required = true };
        public Option<string[]> To { get; } = new("--to")
        {
            Description = "Nơi nhận: MÃ-ĐỊNH-DANH=Tên cơ quan (lặp lại được)", Required = true,
        };
        public Option<string?> Priority { get; } = new("--priority") { Description = "Độ khẩn: Khẩn, Thượng khẩn, Hỏa tốc" };
        public Option<string?> Due { get; } = new("--due") { Description = "Hạn trả lời, yyyy-MM-dd" };
        public Option<int?> Pages { get; } = new("--pages") { Description = "Số trang" };
        public Option<string> Register { get; } = new("--register")
        {
            Description = "Sổ văn bản đi cấp số (mặc định \"chung\")", DefaultValueFactory = _ => NewOutgoingDocument.DefaultRegister,
        };

        public void AddTo(Command command)
        {
            foreach (Option option in new Option[] { Type, Notation, Subject, Dossier, To, Priority, Due, Pages, Register })
                command.Options.Add(option);
        }

        public NewOutgoingDocument Read(ParseResult parse) => new(parse.GetValue(Type)!, parse.GetValue(Notation)!,
            parse.GetValue(Subject)!, parse.GetValue(Dossier)!, (parse.GetValue(To) ?? []).Select(OutgoingRecipient.Parse).ToList(),
            parse.GetValue(Priority), DateInput.Optional(parse.GetValue(Due), "Hạn trả lời"), parse.GetValue(Pages),
            parse.GetValue(Register)!);
    }

    private static Command Paper(CommandRunner runner)
    {
        var description = new Description();
        var signer = new Option<string>("--signer") { Description = "Họ tên người ký (ký tay)", Required = true };
        var paper = new Command("paper", "Văn thư cấp số cho văn bản giấy (ký tay) từ cùng sổ văn bản đi") { signer };
        description.AddTo(paper);
        runner.Bind(paper, (context, parse) =>
        {
            var numbered = context.Get<IssuingService>().RegisterPaper(description.Read(parse), parse.GetValue(signer)!, context.Actor);
            context.Output.Item(numbered, d => $"Đã cấp số {d.Code} ngày {d.IssueDate:dd/MM/yyyy} cho văn bản giấy {d.Id}.");
            return ExitCodes.Ok;
        });
        return paper;
    }

    private static Command Draft(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("file") { Description = "Tệp PDF dự thảo (trang 1 có \"Số:\" để văn thư ghi số)" };
        var description = new Description();
        var draft = new Command("draft", "Soạn dự thảo văn bản đi") { file };
        description.AddTo(draft);
        runner.Bind(draft, async (context, parse, cancellationToken) =>
        {
            var request = description.Read(parse);
            await using var content = OutputFile.OpenInput(parse.GetValue(file)!);
            var drafted = await context.Get<IssuingService>().DraftAsync(request, content, context.Actor, cancellationToken)
                .ConfigureAwait(false);
            context.Output.Item(drafted, d => $"Đã lưu dự thảo {d.Id}: {d.Subject}.");
            return ExitCodes.Ok;
        });
        return draft;
    }

    private static Command Revise(CommandRunner runner)
    {
        var id = Id();
        var file = new Argument<FileInfo>("file") { Description = "Tệp PDF dự thảo mới" };
        var note = new Option<string?>("--note") { Description = "Nội dung sửa" };
        var revise = new Command("revise", "Thay dự thảo bị trả lại bằng bản mới (bản cũ vẫn được giữ)") { id, file, note };
        runner.Bind(revise, async (context, parse, cancellationToken) =>
        {
            await using var content = OutputFile.OpenInput(parse.GetValue(file)!);
            var revised = await context.Get<IssuingService>().ReviseAsync(parse.GetValue(id)!, content, parse.GetValue(note),
                context.Actor, cancellationToken).ConfigureAwait(false);
            context.Output.Item(revised, d => $"Đã lưu dự thảo mới của {d.Id}.");
            return ExitCodes.Ok;
        });
        return revise;
    }

    private static Command Submit(CommandRunner runner)
    {
        var id = Id();
        var to = new Option<string>("--to") { Description = "Lãnh đạo ký (tên đăng nhập)", Required = true };
        var note = new Option<string?>("--note") { Description = "Lời trình" };
        var submit = new Command("submit", "Trình ký dự thảo") { id, to, note };
        runner.Bind(submit, (context, parse) =>
        {
            var submitted = context.Get<IssuingService>().Submit(parse.GetValue(id)!, parse.GetValue(to)!, parse.GetValue(note),
                context.Actor);
            context.Output.Item(submitted, d => $"Đã trình {d.Signer} ký: {d.Subject}.");
            return ExitCodes.Ok;
        });
        return submit;
    }

    private static Command Comment(CommandRunner runner)
    {
        var id = Id();
        var note = new Option<string>("--note") { Description = "Ý kiến", Required = true };
        var comment = new Command("comment", "Ghi ý kiến vào văn bản đi (được giữ cùng văn bản)") { id, note };
        runner.Bind(comment, (context, parse) =>
        {
            context.Output.Item(context.Get<IssuingService>().Comment(parse.GetValue(id)!, parse.GetValue(note)!, context.Actor),
                d => $"Đã ghi ý kiến vào {d.Id}.");
            return ExitCodes.Ok;
        });
        return comment;
    }

    private static Command Return(CommandRunner runner)
    {
        var id = Id();
        var reason = new Option<string>("--reason") { Description = "Lý do trả lại", Required = true };
        var back = new Command("return", "Người ký trả lại dự thảo; văn thư trả lại văn bản đã ký để ký lại") { id, reason };
        runner.Bind(back, (context, parse) =>
        {
            context.Output.Item(context.Get<IssuingService>().Return(parse.GetValue(id)!, parse.GetValue(reason)!, context.Actor),
                d => $"Đã trả lại {d.Id}: {OutgoingStatusName.Of(d.Status)}.");
            return ExitCodes.Ok;
        });
        return back;
    }

    private static Command Sign(CommandRunner runner)
    {
        var id = Id();
        var signed = new Option<FileInfo?>("--signed") { Description = "Tệp đã ký số ở nơi khác (được kiểm tra trước khi lưu)" };
        var position = new Option<string?>("--position")
        {
            Description = "Vị trí chữ ký: invisible (mặc định) hoặc TRANG:TRÁI,DƯỚI,PHẢI,TRÊN",
        };
        var keys = new SigningKeyOptions();
        var sign = new Command("sign", "Người có thẩm quyền ký số cá nhân văn bản được trình (bằng khoá của mình, hoặc nộp tệp đã ký)")
        {
            id, signed, position,
        };
        keys.AddTo(sign);
        runner.Bind(sign, async (context, parse, cancellationToken) =>
        {
            var issuing = context.Get<OutgoingIssuing>();
            OutgoingDocument done;
            if (parse.GetValue(signed) is { } file)
            {
                await using var content = OutputFile.OpenInput(file);
                done = await issuing.AcceptSignedAsync(parse.GetValue(id)!, content, context.Actor, cancellationToken)
                    .ConfigureAwait(false);
            }
            else if (!SignaturePlacement.TryParse(parse.GetValue(position), out var placement))
                throw new UserInputException("Vị trí chữ ký phải là invisible hoặc TRANG:TRÁI,DƯỚI,PHẢI,TRÊN.");
            else
                done = await issuing.SignAsync(parse.GetValue(id)!, keys.SourceIfGiven(parse)
                    ?? throw new UserInputException("Chọn khoá ký (--key hoặc --pkcs11), hoặc nộp tệp đã ký (--signed)."),
                    placement, context.Actor, cancellationToken).ConfigureAwait(false);
            context.Output.Item(done, d => $"Đã ký số cá nhân: {d.SignerName}, {d.SignedAt:dd/MM/yyyy HH:mm:ss}.");
            return ExitCodes.Ok;
        });
        return sign;
    }

    private static Command Number(CommandRunner runner)
    {
        var id = Id();
        var keys = new SigningKeyOptions();
        var number = new Command("number",
            "Văn thư cấp số, ghi số vào văn bản, ký số cơ quan (khoá của cơ quan nếu không chỉ định) và lập vào hồ sơ") { id };
        keys.AddTo(number);
        runner.Bind(number, async (context, parse, cancellationToken) =>
        {
            var numbered = await context.Get<OutgoingIssuing>().NumberAsync(parse.GetValue(id)!, keys.SourceIfGiven(parse), context.Actor,
                cancellationToken).ConfigureAwait(false);
            context.Output.Item(numbered,
                d => $"Đã cấp số {d.Code} ngày {d.IssueDate:dd/MM/yyyy}, ký số cơ quan, lập vào hồ sơ {d.DossierCode}.");
            return ExitCodes.Ok;
        });
        return number;
    }

    private static Command Issue(CommandRunner runner)
    {
        var id = Id();
        var issue = new Command("issue", "Phát hành: mỗi nơi nhận một gói tin edXML trong thư mục gửi đi") { id };
        runner.Bind(issue, async (context, parse, cancellationToken) =>
        {
            var issued = await context.Get<OutgoingIssuing>().IssueAsync(parse.GetValue(id)!, context.Actor, cancellationToken)
                .ConfigureAwait(false);
            var folder = context.Get<OutgoingExchange>().Folder;
            context.Output.Item(issued, d => $"Đã phát hành {d.Code} tới {d.Recipients.Count} nơi nhận (gói tin trong {folder}).");
            return ExitCodes.Ok;
        });
        return issue;
    }

    private static Command Recall(CommandRunner runner)
    {
        var id = Id();
        var reason = new Option<string>("--reason") { Description = "Lý do thu hồi", Required = true };
        var recall = new Command("recall", "Thu hồi văn bản đã phát hành: gửi thông điệp thu hồi tới từng nơi nhận") { id, reason };
        runner.Bind(recall, async (context, parse, cancellationToken) =>
        {
            var recalled = await context.Get<OutgoingIssuing>().RecallAsync(parse.GetValue(id)!, parse.GetValue(reason)!, context.Actor,
                cancellationToken).ConfigureAwait(false);
            context.Output.Item(recalled, d => $"Đã thu hồi {d.Code}.");
            return ExitCodes.Ok;
        });
        return recall;
    }

    private static Command Status(CommandRunner runner)
    {
        var file = new Argument<FileInfo>("file") { Description = "Thông điệp trạng thái edXML nơi nhận gửi lại" };
        var status = new Command("status", "Ghi trạng thái nơi nhận báo lại (đã đến, tiếp nhận, trả lại, …) vào sổ văn bản đi") { file };
        runner.Bind(status, async (context, parse, cancellationToken) =>
        {
            await using var message = OutputFile.OpenInput(parse.GetValue(file)!);
            var updated = await context.Get<OutgoingIssuing>().ReceiveStatusAsync(message, context.Actor, cancellationToken)
                .ConfigureAwait(false);
            context.Output.Item(updated, d => $"{d.Code}: {d.History[^1].Note}.");
            return ExitCodes.Ok;
        });
        return status;
    }

    private static Command List(CommandRunner runner)
    {
        var status = new Option<string?>("--status")
        {
            Description = "Chỉ văn bản ở trạng thái: draft, submitted, signed, numbered, issued, recalled",
        };
        var list = new Command("list", "Văn bản đi được xem, mới trước") { status };
        runner.Bind(list, (context, parse) =>
        {
            OutgoingStatus? wanted = parse.GetValue(status) is { } text
                ? Enum.TryParse<OutgoingStatus>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                    ? parsed
                    : throw new UserInputException(
                        $"Trạng thái '{text}' không có; chọn draft, submitted, signed, numbered, issued, recalled.")
                : null;
            context.Output.List(context.Get<IssuingService>().List(context.Actor, wanted), Line, "Không có văn bản đi nào.");
            return ExitCodes.Ok;
        });
        return list;
    }

    private static Command Show(CommandRunner runner)
    {
        var id = Id();
        var show = new Command("show", "Một văn bản đi: nơi nhận và trạng thái, toàn bộ lịch sử") { id };
        runner.Bind(show, (context, parse) =>
        {
            context.Output.Item(context.Get<IssuingService>().Get(parse.GetValue(id)!, context.Actor), d => string.Join('\n',
            [
                Line(d),
                .. d.Recipients.Select(r =>
                    $"  nơi nhận {r.OrganId} {r.OrganName}: {(d.IssuedAt is null ? "chưa gửi" : DeliveryStatusName.Of(r.Status))}" +
                    (r.Description is { } why ? $" ({why})" : "")),
                .. d.History.Select(e => $"  {e.At:dd/MM/yyyy HH:mm}  {e.By}  {TaskEntryKind.Name(e.Kind)}: {e.Note}"),
            ]));
            return ExitCodes.Ok;
        });
        return show;
    }

}
