using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Registry;
using Archive.Ingest.Pipeline;

namespace Archive.Web.Cli;

/// <summary>`archive ingest` (DESIGN.md 5) and `archive inbox list|show|accept|reject`: thin shells over the pipeline and the inbox.</summary>
public static class IngestCommands
{
    public static Command Ingest(CommandRunner runner)
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Tệp văn bản nhận được (PDF, DOCX, ODT, ảnh quét, gói tin edXML)", Arity = ArgumentArity.OneOrMore };
        var dossier = new Option<string?>("--dossier") { Description = "Mã hồ sơ để lập văn bản vào" };
        var policy = new Option<string?>("--policy")
        {
            Description = "Chính sách chữ ký: agency cho mọi tệp, basic (mặc định: agency cho gói tin edXML từ cơ quan khác, basic cho tệp khác)",
        };
        policy.AcceptOnlyFromAmong("basic", "agency");
        var ingest = new Command("ingest", "Tiếp nhận văn bản: kiểm tra, đưa vào hộp thư Chờ lưu trữ, lập vào hồ sơ và cấp số đến")
        {
            files, dossier, policy, MetadataInput.File,
        };
        runner.Bind(ingest, async (context, parse, cancellationToken) =>
        {
            var given = parse.GetValue(files)!;
            var metadata = MetadataPerFile(parse.GetValue(MetadataInput.File), given);
            var requests = given.Select(f => new IngestRequest(f.FullName, metadata(f.Name), parse.GetValue(dossier))).ToList();
            var batch = await IngestWiring.BatchAsync(context, parse.GetValue(policy) == "agency", cancellationToken).ConfigureAwait(false);
            var allAccepted = true;
            await foreach (var file in batch.RunAsync(requests, context.Actor, context.Output.Progress(), cancellationToken).ConfigureAwait(false))
                foreach (var outcome in file.Outcomes)
                {
                    allAccepted &= outcome.Status == IngestOutcome.Accepted;
                    context.Output.Item(outcome, Describe);
                }
            return allAccepted ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return ingest;
    }

    public static Command Inbox(CommandRunner runner)
    {
        var status = new Option<InboxStatus?>("--status") { Description = "Pending, Accepted hoặc Rejected" };
        var list = new Command("list", "Hộp thư Chờ lưu trữ (văn bản khẩn, hỏa tốc lên đầu)") { status };
        runner.Bind(list, (context, parse) =>
        {
            context.Output.List(IngestWiring.Inbox(context).List(parse.GetValue(status)), Line, "Hộp thư Chờ lưu trữ trống.");
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "Mã văn bản trong hộp thư" };
        var show = new Command("show", "Xem một văn bản trong hộp thư, kết quả kiểm tra và thông báo gửi nơi gửi") { id };
        runner.Bind(show, (context, parse) =>
        {
            context.Output.Item(IngestWiring.Inbox(context).Item(parse.GetValue(id)!), Details);
            return ExitCodes.Ok;
        });

        var dossier = new Option<string>("--dossier") { Description = "Mã hồ sơ", Required = true };
        var accept = new Command("accept", "Tiếp nhận: lập vào hồ sơ và cấp số đến") { id, dossier, MetadataInput.File, MetadataInput.Set };
        runner.Bind(accept, async (context, parse, cancellationToken) =>
        {
            var (item, document, arrival) = await IngestWiring.Inbox(context).AcceptAsync(parse.GetValue(id)!, parse.GetValue(dossier)!,
                MetadataInput.Read(parse, DocumentFiling.Tags), context.Actor, cancellationToken).ConfigureAwait(false);
            await IndexUpdate.AfterFilingAsync(context, document.Id, cancellationToken).ConfigureAwait(false);
            context.Output.Item(new { item.Id, documentId = document.Id, dossier = document.FileCode.Value, arrival.Number, arrival.Year },
                r => $"Đã tiếp nhận: số đến {r.Number}/{r.Year}, lập vào hồ sơ {r.dossier}.");
            return ExitCodes.Ok;
        });

        var reasons = new Option<string[]>("--reason") { Description = "Lý do trả lại (lặp lại được)", Required = true };
        var reject = new Command("reject", "Trả lại nơi gửi, kèm lý do") { id, reasons };
        runner.Bind(reject, (context, parse) =>
        {
            context.Output.Item(IngestWiring.Inbox(context).Reject(parse.GetValue(id)!, parse.GetValue(reasons)!, context.Actor), Details);
            return ExitCodes.Ok;
        });
        return new Command("inbox", "Hộp thư Chờ lưu trữ") { list, show, accept, reject };
    }

    /// <summary>One metadata object for every file, or an object keyed by file name (DESIGN.md 5).</summary>
    public static Func<string, Tt02Metadata> MetadataPerFile(FileInfo? file, FileInfo[] files)
    {
        if (file is null) return _ => Tt02Metadata.Empty;
        if (!file.Exists) throw new UserInputException($"Không tìm thấy tệp siêu dữ liệu '{file.FullName}'.");
        return FileMetadata.Parse(File.ReadAllText(file.FullName), files.Select(f => f.Name).ToList(), file.Name).For;
    }

    private static string Describe(IngestOutcome o) => o.Status switch
    {
        IngestOutcome.Accepted => $"{o.File}: ĐÃ TIẾP NHẬN, số đến {o.ArrivalNumber}, hồ sơ {o.Dossier}{(o.Urgent ? " — KHẨN, trình ngay" : "")}",
        IngestOutcome.Pending => $"{o.File}: CHỜ XỬ LÝ trong hộp thư ({o.InboxId}): {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
        IngestOutcome.Duplicate => $"{o.File}: TRÙNG — {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
        _ => $"{o.File}: TRẢ LẠI ({o.InboxId}) — {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
    };

    private static string Line(InboxItem i) =>
        $"{i.Id}  {i.ReceivedAt:dd/MM/yyyy HH:mm}  [{Status(i.Status)}]{(i.Urgent ? " KHẨN" : "")}  {i.SourceName}  {i.SenderOrganName}";

    private static string Details(InboxItem i) => string.Join(Environment.NewLine, new[]
    {
        $"{i.SourceName} [{Status(i.Status)}]{(i.Urgent ? $" — {i.Priority}, trình ngay" : "")}",
        $"  Nhận lúc {i.ReceivedAt:dd/MM/yyyy HH:mm:ss}, định dạng {i.Format}, {i.Length} byte, SHA-256 {i.Digest}",
        $"  Nơi gửi: {i.SenderOrganName ?? "—"} {i.SenderOrganId}",
    }.Concat(i.Reasons.Select(r => $"  Lý do: {r}"))
        .Concat(i.SenderNotice is { } notice ? [$"  Thông báo gửi nơi gửi: {notice}"] : [])
        .Concat(i.DocumentId is { } doc ? [$"  Đã lập: văn bản {doc}, số đến {i.ArrivalId}"] : []));

    private static string Status(InboxStatus s) => s switch
    {
        InboxStatus.Accepted => "đã tiếp nhận",
        InboxStatus.Rejected => "đã trả lại",
        _ => "chờ xử lý",
    };
}
