using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Preservation;
using Archive.Core.Registry;
using Archive.Ingest.Conversion;
using Archive.Ingest.Pipeline;
using Archive.Ingest.Signatures;

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
            var perFile = MetadataPerFile(parse, given);
            var pipeline = await PipelineAsync(context, parse.GetValue(policy) == "agency", cancellationToken).ConfigureAwait(false);
            var allAccepted = true;
            foreach (var (item, document, arrival) in await Inbox(context).ResumeAsync(context.Actor, cancellationToken).ConfigureAwait(false))
            {
                await IndexUpdate.AfterFilingAsync(context, document.Id, cancellationToken).ConfigureAwait(false);
                context.Output.Progress().Report($"Đã hoàn tất văn bản dở dang {item.SourceName}: số đến {arrival.Number}, hồ sơ {document.FileCode}.");
            }
            // Files go through in parallel, one per core (converters are child processes); results print in the order given.
            using var slots = new SemaphoreSlim(Environment.ProcessorCount);
            var running = given.Select(async file =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await pipeline.IngestAsync(file.FullName, perFile(file.Name), parse.GetValue(dossier), context.Actor, cancellationToken)
                        .ConfigureAwait(false);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            var accepted = new List<string>();
            for (var i = 0; i < running.Count; i++)
            {
                foreach (var outcome in await running[i].ConfigureAwait(false))
                {
                    allAccepted &= outcome.Status == IngestOutcome.Accepted;
                    if (outcome is { Status: IngestOutcome.Accepted, Id: { } id }) accepted.Add(id);
                    context.Output.Item(outcome, Describe);
                }
                if (given.Length > 1) context.Output.Progress().Report($"Đã xử lý {i + 1}/{given.Length} tệp.");
            }
            await IndexUpdate.AfterFilingAsync(context, accepted, cancellationToken).ConfigureAwait(false);
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
            context.Output.List(Inbox(context).List(parse.GetValue(status)), Line, "Hộp thư Chờ lưu trữ trống.");
            return ExitCodes.Ok;
        });

        var id = new Argument<string>("id") { Description = "Mã văn bản trong hộp thư" };
        var show = new Command("show", "Xem một văn bản trong hộp thư, kết quả kiểm tra và thông báo gửi nơi gửi") { id };
        runner.Bind(show, (context, parse) =>
        {
            var inbox = Inbox(context);
            var item = inbox.Item(parse.GetValue(id)!);
            var history = inbox.History(item.Id);
            context.Output.Item(WithHistory(item, history), _ => Details(item) + Environment.NewLine + History(history));
            return ExitCodes.Ok;
        });

        var dossier = new Option<string>("--dossier") { Description = "Mã hồ sơ", Required = true };
        var accept = new Command("accept", "Tiếp nhận: lập vào hồ sơ và cấp số đến") { id, dossier, MetadataInput.File, MetadataInput.Set };
        runner.Bind(accept, async (context, parse, cancellationToken) =>
        {
            var (item, document, arrival) = await Inbox(context).AcceptAsync(parse.GetValue(id)!, parse.GetValue(dossier)!,
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
            context.Output.Item(Inbox(context).Reject(parse.GetValue(id)!, parse.GetValue(reasons)!, context.Actor), Details);
            return ExitCodes.Ok;
        });
        return new Command("inbox", "Hộp thư Chờ lưu trữ") { list, show, accept, reject };
    }

    /// <summary>The ingest pipeline of this data folder: checks (format, metadata, signatures), inbox, PDF/A preservation.</summary>
    public static async Task<IngestPipeline> PipelineAsync(CliContext context, bool agencyPolicyForEverything, CancellationToken cancellationToken)
    {
        var trust = await TrustStore.LoadAsync(context.Folder.TrustAnchors, context.Folder.TrustCrls, cancellationToken).ConfigureAwait(false);
        var signatures = new SignatureCheck(new DocumentVerifier(trust, ValidationPolicy.Basic, context.Clock, context.Log),
            new DocumentVerifier(trust, ValidationPolicy.Agency, context.Clock, context.Log), agencyPolicyForEverything,
            (report, name) => JsonSerializer.Serialize(VerifyJson.From(report, name), CliOutput.JsonOptions));
        var catalog = new CatalogService(context.Store, context.Clock, context.Restricted);
        var preservation = new DocumentPreservation(new PreservationCopyConverter(Conversion(context), context.Log), catalog.StoreOf,
            context.Clock, context.Log);
        var options = Conversion(context);
        var safety = new PdfSafetyCheck(new ToolRunner(context.Log), options.Qpdf, options.InspectionTimeout);
        return new IngestPipeline([new FormatCheck(), safety, new MetadataCheck(context.Clock), signatures], Inbox(context), preservation,
            context.Store.Crash, context.Clock, context.Log);
    }

    /// <summary>Converter programs and limits; Archive:Conversion:* in configuration overrides them.</summary>
    private static ConversionOptions Conversion(CliContext context)
    {
        var section = context.Settings.Configuration.GetSection("Archive:Conversion");
        var defaults = new ConversionOptions();
        return defaults with
        {
            Ghostscript = section["Ghostscript"] ?? defaults.Ghostscript,
            LibreOffice = section["LibreOffice"] ?? defaults.LibreOffice,
            OcrMyPdf = section["OcrMyPdf"] ?? defaults.OcrMyPdf,
        };
    }

    private static RecordsInbox Inbox(CliContext context) => new(context.Store, context.Clock, context.Restricted);

    private static Func<string, Tt02Metadata> MetadataPerFile(ParseResult parse, FileInfo[] files) =>
        MetadataPerFile(parse.GetValue(MetadataInput.File), files);

    /// <summary>One metadata object for every file, or an object keyed by file name (DESIGN.md 5).</summary>
    public static Func<string, Tt02Metadata> MetadataPerFile(FileInfo? file, FileInfo[] files)
    {
        if (file is null) return _ => Tt02Metadata.Empty;
        if (!file.Exists) throw new UserInputException($"Không tìm thấy tệp siêu dữ liệu '{file.FullName}'.");
        var json = File.ReadAllText(file.FullName);
        try
        {
            using var document = JsonDocument.Parse(json);
            var names = files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.EnumerateObject().Any() &&
                document.RootElement.EnumerateObject().All(p => names.Contains(p.Name) && p.Value.ValueKind == JsonValueKind.Object))
            {
                var byName = document.RootElement.EnumerateObject()
                    .ToDictionary(p => p.Name, p => Tt02Metadata.FromJson(p.Value, DocumentFiling.Tags, $"{file.Name}:{p.Name}"));
                return name => byName.GetValueOrDefault(name, Tt02Metadata.Empty);
            }
        }
        catch (JsonException)
        {
            // Reported with its position by FromJson below.
        }
        var single = Tt02Metadata.FromJson(json, DocumentFiling.Tags, file.Name);
        return _ => single;
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
