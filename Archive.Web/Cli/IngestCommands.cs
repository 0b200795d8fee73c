using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Ingest.Formats;
using Archive.Ingest.Intake;
using Archive.Ingest.Pipeline;

namespace Archive.Web.Cli;

/// <summary>`archive ingest` (DESIGN.md 5) and `archive inbox list|show|accept|reject`: thin shells over the pipeline and the inbox.</summary>
public static class IngestCommands
{
    public static Command Ingest(CommandRunner runner)
    {
        var files = new Argument<FileInfo[]>("files")
        {
            Description = "Tệp văn bản nhận được (PDF, DOCX, ODT, ảnh quét, gói tin edXML, gói ZIP)", Arity = ArgumentArity.ZeroOrMore,
        };
        var dossier = new Option<string?>("--dossier") { Description = "Mã hồ sơ để lập văn bản vào" };
        var policy = new Option<string?>("--policy")
        {
            Description = "Chính sách chữ ký: agency cho mọi tệp, basic (mặc định: agency cho gói tin edXML từ cơ quan khác, basic cho tệp khác)",
        };
        policy.AcceptOnlyFromAmong("basic", "agency");
        var watch = new Option<DirectoryInfo?>("--watch")
        {
            Description = "Thư mục theo dõi: tiếp nhận tệp thả vào đó (siêu dữ liệu trong TÊN.json bên cạnh), chuyển sang da-tiep-nhan hoặc tra-lai",
        };
        var once = new Option<bool>("--once") { Description = "Với --watch: xử lý các tệp đang có rồi thoát (mặc định: theo dõi đến khi Ctrl+C)" };
        var ingest = new Command("ingest", "Tiếp nhận văn bản: kiểm tra, đưa vào hộp thư Chờ lưu trữ, lập vào hồ sơ và cấp số đến")
        {
            files, dossier, policy, MetadataInput.File, watch, once,
        };
        ingest.Validators.Add(result =>
        {
            var watching = result.GetValue(watch) is not null;
            if (watching && result.GetValue(files) is { Length: > 0 })
                result.AddError("Chỉ định tệp hoặc --watch THƯ_MỤC, không cả hai.");
            else if (!watching && result.GetValue(files) is not { Length: > 0 })
                result.AddError("Cần ít nhất một tệp, hoặc --watch THƯ_MỤC.");
            if (result.GetValue(once) && !watching) result.AddError("--once chỉ dùng với --watch.");
            if (watching && result.GetValue(MetadataInput.File) is not null)
                result.AddError("Với --watch, siêu dữ liệu của mỗi tệp nằm trong TÊN.json bên cạnh tệp, không dùng --metadata.");
        });
        runner.Bind(ingest, async (context, parse, cancellationToken) =>
        {
            var agencyPolicy = parse.GetValue(policy) == "agency";
            if (parse.GetValue(watch) is { } folder)
                return await WatchAsync(context, context.Settings.WatchFolder(folder.FullName, parse.GetValue(dossier))!, agencyPolicy,
                    parse.GetValue(once), cancellationToken).ConfigureAwait(false);
            var given = parse.GetValue(files)!;
            var metadata = MetadataPerFile(parse.GetValue(MetadataInput.File), given);
            var requests = given.Select(f => new IngestRequest(f.FullName, metadata(f.Name), parse.GetValue(dossier))).ToList();
            var allAccepted = true;
            await foreach (var file in context.Get<DocumentReception>().IngestAsync(requests, agencyPolicy, context.Actor,
                               context.Output.Progress(), cancellationToken).ConfigureAwait(false))
                allAccepted &= Print(context, file.Outcomes);
            return allAccepted ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return ingest;
    }

    /// <summary>`archive ingest --watch DIR [--once]`: the watched inbox folder, headless.</summary>
    private static async Task<int> WatchAsync(CliContext context, WatchFolderOptions options, bool agencyPolicy, bool once,
        CancellationToken cancellationToken)
    {
        var watched = await context.Get<DocumentReception>().WatchAsync(options, agencyPolicy, context.Actor, cancellationToken)
            .ConfigureAwait(false);
        var progress = context.Output.Progress();
        if (!once)
        {
            progress.Report($"Đang theo dõi thư mục {options.Folder} (mỗi {options.PollInterval.TotalSeconds:0.#} giây); Ctrl+C để dừng.");
            await watched.WatchAsync(progress, result =>
            {
                Print(context, result);
                return Task.CompletedTask;
            }, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        var poll = await watched.OnceAsync(progress, cancellationToken).ConfigureAwait(false);
        var allAccepted = poll.Finished.Aggregate(true, (all, result) => Print(context, result) && all);
        if (poll.Finished.Count == 0) context.Output.Message($"Không có tệp mới trong thư mục theo dõi {options.Folder}.");
        if (poll.Waiting.Count > 0)
            progress.Report($"Chưa nhận (tệp đang được ghi, sẽ nhận ở lần sau): {string.Join(", ", poll.Waiting)}.");
        return allAccepted ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }

    /// <returns>True when every document of the file was accepted.</returns>
    private static bool Print(CliContext context, IntakeResult result)
    {
        var accepted = Print(context, result.Outcomes) && result.MovedTo == WatchFolderLayout.AcceptedFolderName;
        context.Output.Progress().Report($"{result.File} → {result.MovedTo}{(result.FinishedFromEarlierRun ? " (đã tiếp nhận ở lần chạy trước)" : "")}");
        return accepted;
    }

    private static bool Print(CliContext context, IReadOnlyList<IngestOutcome> outcomes)
    {
        foreach (var outcome in outcomes) context.Output.Item(outcome, Describe);
        return outcomes.All(o => o.Status is IngestOutcome.Accepted or IngestOutcome.Recalled);
    }

    public static Command Inbox(CommandRunner runner)
    {
        var status = new Option<InboxStatus?>("--status") { Description = "Pending, Accepted hoặc Rejected" };
        var list = new Command("list", "Hộp thư Chờ lưu trữ (văn bản khẩn, hỏa tốc lên đầu)") { status };
        runner.Bind(list, (context, parse) =>
        {
            context.Output.List(context.Get<RecordsInbox>().List(context.Actor, parse.GetValue(status)), Line,
                "Hộp thư Chờ lưu trữ trống.");
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "Mã văn bản trong hộp thư" };
        var show = new Command("show", "Xem một văn bản trong hộp thư, kết quả kiểm tra và thông báo gửi nơi gửi") { id };
        runner.Bind(show, (context, parse) =>
        {
            var inbox = context.Get<RecordsInbox>();
            var item = inbox.Item(parse.GetValue(id)!, context.Actor);
            var history = inbox.History(item.Id, context.Actor);
            context.Output.Item(WithHistory(item, history), _ => Details(item) + Environment.NewLine + History(history));
            return ExitCodes.Ok;
        });

        var dossier = new Option<string>("--dossier") { Description = "Mã hồ sơ", Required = true };
        var accept = new Command("accept", "Tiếp nhận: lập vào hồ sơ và cấp số đến") { id, dossier, MetadataInput.File, MetadataInput.Set };
        runner.Bind(accept, async (context, parse, cancellationToken) =>
        {
            var (item, document, arrival, notPreserved, notIndexed) = await context.Get<DocumentReception>().AcceptAsync(
                parse.GetValue(id)!, parse.GetValue(dossier)!, MetadataInput.Read(parse, DocumentFiling.Tags), context.Actor,
                cancellationToken).ConfigureAwait(false);
            if (notIndexed is not null) context.Output.Progress().Report($"Cảnh báo: {notIndexed}");
            context.Output.Item(new
                {
                    item.Id, documentId = document.Id, dossier = document.FileCode.Value, arrival.Number, arrival.Year, pdfa = notPreserved is null,
                    reasons = notPreserved is null ? [] : new[] { notPreserved },
                },
                r => $"Đã tiếp nhận: số đến {r.Number}/{r.Year}, lập vào hồ sơ {r.dossier}. " +
                     (r.pdfa ? "Đã tạo bản PDF/A để bảo quản." : string.Join(" ", r.reasons)));
            return ExitCodes.Ok;
        });

        var reasons = new Option<string[]>("--reason") { Description = "Lý do trả lại (lặp lại được)", Required = true };
        var reject = new Command("reject", "Trả lại nơi gửi, kèm lý do") { id, reasons };
        runner.Bind(reject, (context, parse) =>
        {
            context.Output.Item(context.Get<RecordsInbox>().Reject(parse.GetValue(id)!, parse.GetValue(reasons)!, context.Actor), Details);
            return ExitCodes.Ok;
        });
        return new Command("inbox", "Hộp thư Chờ lưu trữ") { list, show, accept, reject };
    }

    /// <summary>One metadata object for every file, or an object keyed by file name (DESIGN.md 5).</summary>
    public static Func<string, Tt02Metadata> MetadataPerFile(FileInfo? file, FileInfo[] files)
    {
        if (file is null) return _ => Tt02Metadata.Empty;
        if (!file.Exists) throw new UserInputException($"Không tìm thấy tệp siêu dữ liệu '{file.FullName}'.");
        var names = files.Select(f => f.Name).ToList();
        var extension = file.Extension.ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
            return FileMetadata.Parse(File.ReadAllText(file.FullName), names, file.Name).For;
        // A sheet, one row per file; a file without a row gets no metadata of its own (and says what is missing).
        if (file.Length > 16 << 20) throw new UserInputException($"Bảng siêu dữ liệu '{file.Name}' lớn hơn 16 MB.");
        using var sheet = file.OpenRead();
        if (extension == ".xlsx" && FormatIdentifier.ZipBombProblem(sheet, file.Name, ZipLimits.Default) is { } bomb)
            throw new UserInputException(bomb);
        sheet.Position = 0;
        var rows = MetadataSheet.Read(sheet, extension == ".xlsx", names, file.Name);
        return name => rows.GetValueOrDefault(name, Tt02Metadata.Empty);
    }

    private static string Describe(IngestOutcome o) => o.Status switch
    {
        IngestOutcome.Accepted => $"{o.File}: ĐÃ TIẾP NHẬN, số đến {o.ArrivalNumber}, hồ sơ {o.Dossier}{(o.Urgent ? " — KHẨN, trình ngay" : "")}",
        IngestOutcome.Pending => $"{o.File}: CHỜ XỬ LÝ trong hộp thư ({o.InboxId}): {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
        IngestOutcome.Duplicate => $"{o.File}: TRÙNG — {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
        IngestOutcome.Recalled => $"{o.File}: THU HỒI — {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
        _ => $"{o.File}: TRẢ LẠI ({o.InboxId}) — {string.Join("; ", o.Reasons.Select(r => r.TrimEnd('.')))}",
    };

    private static string Line(InboxItem i) =>
        $"{i.Id}  {i.ReceivedAt:dd/MM/yyyy HH:mm}  [{Status(i.Status)}]{(i.Urgent ? " KHẨN" : "")}" +
        $"{(i.RecalledAt is null ? "" : " BỊ THU HỒI")}  {i.SourceName}  {i.SenderOrganName}";

    private static string Details(InboxItem i) => string.Join(Environment.NewLine, new[]
    {
        $"{i.SourceName} [{Status(i.Status)}]{(i.Urgent ? $" — {i.Priority}, trình ngay" : "")}",
        $"  Nhận lúc {i.ReceivedAt:dd/MM/yyyy HH:mm:ss}, định dạng {i.Format}, {i.Length} byte, SHA-256 {i.Digest}",
        $"  Nơi gửi: {i.SenderOrganName ?? "—"} {i.SenderOrganId}",
    }.Concat(i.Reasons.Select(r => $"  Lý do: {r}"))
        .Concat(i.SenderNotice is { } notice ? [$"  Thông báo gửi nơi gửi: {notice}"] : [])
        .Concat(i.DocumentId is { } doc ? [$"  Đã lập: văn bản {doc}, số đến {i.ArrivalId}"] : []));

    /// <summary>The item as JSON, with its preservation events (PREMIS) in time order under "events".</summary>
    private static JsonObject WithHistory(InboxItem item, IReadOnlyList<PreservationEvent> history)
    {
        var json = JsonSerializer.SerializeToNode(item, CliOutput.JsonOptions)!.AsObject();
        json["events"] = JsonSerializer.SerializeToNode(history, CliOutput.JsonOptions);
        return json;
    }

    private static string History(IReadOnlyList<PreservationEvent> history) => string.Join(Environment.NewLine,
        history.Select(e => $"    {e.At:dd/MM/yyyy HH:mm:ss}  {PremisEventType.VietnameseName(e.Type)} ({e.Type}) — " +
                            $"{PremisEventType.VietnameseOutcome(e.Outcome)}: {e.Detail}")
            .Prepend("  Lịch sử bảo quản (sự kiện PREMIS):"));

    private static string Status(InboxStatus s) => s switch
    {
        InboxStatus.Accepted => "đã tiếp nhận",
        InboxStatus.Rejected => "đã trả lại",
        _ => "chờ xử lý",
    };
}
