using System.CommandLine;
using Archive.Core.Application;
using Archive.Core.Indexing;
using Archive.Core.Preservation;
using Archive.Search;
using Archive.Web.Jobs;

namespace Archive.Web.Cli;

/// <summary>`archive fixity`, `archive backup`, `archive restore`, `archive jobs history`.</summary>
public static class PreservationCommands
{
    public static Command Fixity(CommandRunner runner)
    {
        var rate = new Option<int?>("--max-mbps") { Description = "Giới hạn tốc độ đọc (MB/s) để không làm chậm người dùng" };
        var noRepair = new Option<bool>("--no-repair") { Description = "Chỉ kiểm tra, không khôi phục từ bản sao lưu" };
        var backups = new Option<string[]>("--backup") { Description = "Phương tiện sao lưu để khôi phục (mặc định: Backup:Targets)" };
        var fixity = new Command("fixity", "Kiểm tra mã băm SHA-256 của mọi tệp, khôi phục tệp hỏng từ bản sao lưu, lập biên bản kiểm tra")
        {
            rate, noRepair, backups,
        };
        runner.Bind(fixity, async (context, parse, cancellationToken) =>
        {
            var targets = parse.GetValue(backups) is { Length: > 0 } given ? given.Select(Path.GetFullPath).ToList() : context.Settings.BackupTargets;
            var options = new FixityOptions(targets, Environment.ProcessorCount,
                parse.GetValue(rate) is { } mbps ? mbps * 1024L * 1024L : null, Repair: !parse.GetValue(noRepair));
            var report = await Jobs(context).RunFixityAsync(options, context.Actor, context.Output.Progress(), cancellationToken).ConfigureAwait(false);
            context.Output.Item(report, Describe);
            return report.Damaged == 0 ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return fixity;
    }

    public static Command Backup(CommandRunner runner)
    {
        var to = new Option<string[]>("--to") { Description = "Thư mục sao lưu (lặp lại cho nhiều phương tiện; mặc định: Backup:Targets)" };
        var full = new Option<bool>("--full") { Description = "Sao lưu toàn bộ" };
        var incremental = new Option<bool>("--incremental") { Description = "Chỉ sao lưu phần mới (mặc định: toàn bộ vào ngày đầu tháng)" };
        var backup = new Command("backup", "Sao lưu danh mục, tệp, kho tin cậy và cấu hình; kiểm tra lại bản sao sau khi ghi") { to, full, incremental };
        runner.Bind(backup, async (context, parse, cancellationToken) =>
        {
            var targets = parse.GetValue(to) is { Length: > 0 } given ? given.Select(Path.GetFullPath).ToList() : context.Settings.BackupTargets;
            if (parse.GetValue(full) && parse.GetValue(incremental)) throw new UserInputException("Chọn một trong --full hoặc --incremental.");
            var kind = parse.GetValue(full) ? BackupKind.Full : parse.GetValue(incremental) ? BackupKind.Incremental : BackupKind.Scheduled;
            var reports = await Jobs(context).RunBackupAsync(targets, kind, context.Settings.ConfigurationFiles, context.Actor,
                context.Output.Progress(), cancellationToken).ConfigureAwait(false);
            context.Output.List(reports, Describe, "");
            return reports.All(r => r.Succeeded) ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return backup;
    }

    public static Command Restore(CommandRunner runner)
    {
        var from = new Option<string>("--from") { Description = "Thư mục sao lưu", Required = true };
        var to = new Option<string>("--to") { Description = "Thư mục dữ liệu mới (phải trống)", Required = true };
        var restore = new Command("restore", "Phục hồi thư mục dữ liệu từ bản sao lưu (toàn bộ + các bản gia tăng), kiểm tra mọi mã băm") { from, to };
        runner.Bind(restore, async (context, parse, cancellationToken) =>
        {
            var report = await new RestoreService(context.Clock, context.Log)
                .RunAsync(parse.GetValue(from)!, parse.GetValue(to)!, context.Output.Progress(), cancellationToken,
                    new RestoredIndex(context.Log).BuildAsync).ConfigureAwait(false);
            context.Output.Item(report, r => (r.Succeeded
                    ? $"Đã phục hồi {r.To} từ {string.Join(", ", r.SetsUsed)}: {r.BlobsRestored} tệp, {r.DocumentsInCatalog} văn bản trong danh mục, {r.DocumentsIndexed} văn bản trong chỉ mục tìm kiếm; mọi mã băm khớp."
                    : $"Phục hồi {r.To} CÓ LỖI:") + string.Concat(r.Problems.Select(p => Environment.NewLine + "  " + p)));
            return report.Succeeded ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return restore;
    }

    public static Command Jobs(CommandRunner runner)
    {
        var history = new Command("history", "Lịch sử chạy các tác vụ bảo quản");
        runner.Bind(history, (context, _) =>
        {
            context.Output.List(Jobs(context).History(context.Actor), r =>
                    $"{r.Started:dd/MM/yyyy HH:mm:ss}  {r.Job,-8} {r.Outcome,-10} {r.Objects} đối tượng, {r.Bytes} byte, {r.Problems} vấn đề  {r.Detail}",
                "Chưa có tác vụ nào được chạy.");
            return ExitCodes.Ok;
        });
        var run = new Command("run", "Chạy bộ lập lịch tác vụ (không có máy chủ web) cho đến khi dừng bằng Ctrl+C");
        runner.Bind(run, async (context, _, cancellationToken) =>
        {
            var jobs = context.Get<ScheduledJobs>();
            await using (await ArchiveScheduler.StartAsync(jobs, context.Settings, context.Clock, context.Log, cancellationToken)
                             .ConfigureAwait(false))
            {
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C: stop after the running job finishes.
                }
            }
            return ExitCodes.Ok;
        }, consoleLevel: Serilog.Events.LogEventLevel.Information);
        return new Command("jobs", "Tác vụ bảo quản định kỳ") { history, run };
    }

    /// <summary>`archive alerts`: what needs a person (damage, failed jobs and checks, changes of rights), newest first.</summary>
    public static Command Alerts(CommandRunner runner)
    {
        var kind = new Option<string?>("--kind")
        {
            Description = "Chỉ một loại, ví dụ access.rights-changed, fixity.mismatch, airgap.failed",
        };
        var alerts = new Command("alerts", "Cảnh báo: tệp hỏng, tác vụ lỗi, kiểm tra cách ly, thay đổi quyền người dùng") { kind };
        runner.Bind(alerts, (context, parse) =>
        {
            var wanted = parse.GetValue(kind);
            context.Output.List(context.Jobs.Alerts(context.Actor).Where(p => wanted is null || p.Kind == wanted),
                p => $"{p.At:dd/MM/yyyy HH:mm:ss}  {p.Kind,-24} {p.Message}{(p.Resolution is { } r ? $" (đã xử lý: {r})" : "")}",
                "Không có cảnh báo nào.");
            return ExitCodes.Ok;
        });
        return alerts;
    }

    private static PreservationJobs Jobs(CliContext context) => context.Jobs;

    private static string Describe(FixityReport r)
    {
        var lines = new List<string>
        {
            r.Damaged == 0
                ? $"Toàn vẹn: {r.ObjectsChecked} tệp ({r.BytesChecked / (1024.0 * 1024.0):F1} MB) đều khớp mã băm."
                : $"PHÁT HIỆN {r.Damaged} tệp lỗi trong {r.ObjectsChecked} tệp đã kiểm tra:",
        };
        lines.AddRange(r.Findings.Select(f => $"  {f.Fault,-12} {f.Path}" + (f.RepairedFrom is { } from ? $"  → đã khôi phục từ {from}" :
            f.Fault == FixityFault.Unreferenced ? "  (không thuộc danh mục)" : "  → CHƯA khôi phục được")));
        lines.AddRange(r.UnavailableMedia.Select(m => $"Cảnh báo: phương tiện sao lưu {m} không dùng được (không truy cập được " +
                                                       "hoặc không có bộ sao lưu hoàn tất)."));
        lines.Add($"Biên bản kiểm tra: {r.MinutesPath}");
        return string.Join(Environment.NewLine, lines);
    }

    private static string Describe(BackupReport r) =>
        (r.Succeeded
            ? $"Sao lưu {r.Id} ({(r.Kind == BackupManifest.FullKind ? "toàn bộ" : "gia tăng")}) vào {r.Target}: {r.FilesWritten} tệp, " +
              $"{r.BlobsCopied} tệp mới, {r.BlobsAlreadyOnMedium} đã có; đã kiểm tra lại sau khi ghi."
            : r.Complete
                ? $"Sao lưu {r.Id} vào {r.Target} hoàn tất nhưng THIẾU các tệp hỏng sau (chạy 'archive fixity' để khôi phục):"
                : $"Sao lưu {r.Id} vào {r.Target} KHÔNG HOÀN TẤT (bộ sao lưu này sẽ không được dùng):")
        + string.Concat(r.Problems.Select(p => Environment.NewLine + "  " + p))
        + (r.RemovedPartialSets.Count > 0 ? $"{Environment.NewLine}  Đã xoá {r.RemovedPartialSets.Count} bộ sao lưu dở dang: {string.Join(", ", r.RemovedPartialSets)}" : "");
}
