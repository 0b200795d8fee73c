using System.CommandLine;
using Archive.Core.Storage;
using Archive.Core.Storage.Postgres;

namespace Archive.Web.Cli;

/// <summary>`archive migrate --to postgres`: the data folder's embedded catalog copied into PostgreSQL and checked there.</summary>
public static class MigrateCommand
{
    private static readonly Option<string> To = new("--to")
    {
        Description = "Nơi chuyển danh mục đến: postgres", Required = true,
    };

    private static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Chuỗi kết nối PostgreSQL (mặc định: Archive:Catalog:ConnectionString)",
    };

    public static Command Create(CommandRunner runner)
    {
        var migrate = new Command("migrate", "Chuyển danh mục nhúng (catalog.db) sang PostgreSQL, kiểm tra từng bản ghi và chuỗi nhật ký")
        {
            To, Connection,
        };
        runner.Bind(migrate, (context, parse, _) =>
        {
            if (!string.Equals(parse.GetValue(To), "postgres", StringComparison.OrdinalIgnoreCase))
                throw new UserInputException($"--to '{parse.GetValue(To)}' không hợp lệ: hiện chỉ chuyển được sang postgres.");
            var connection = parse.GetValue(Connection) ?? context.Settings.Configuration["Archive:Catalog:ConnectionString"]
                ?? throw new UserInputException("Cần chuỗi kết nối PostgreSQL: --connection hoặc Archive:Catalog:ConnectionString.");
            if (!context.Folder.IsInitialised)
                throw new UserInputException($"Thư mục dữ liệu '{context.Folder.Root}' không có danh mục nhúng (catalog.db) để chuyển.");
            // The embedded catalog, whatever the settings say: the archive is stopped while its catalog moves (exit 75 if not).
            using var embedded = ArchiveStore.Open(context.Folder, context.Clock, context.Log);
            var report = new CatalogMigration(context.Clock, context.Log)
                .ToPostgres(embedded, connection, context.Actor, context.Output.Progress());
            context.Output.Item(new { records = report.Records, auditEntries = report.AuditEntries },
                r => $"Đã chuyển danh mục sang PostgreSQL và kiểm tra: {r.records.Values.Sum()} bản ghi, {r.auditEntries} mục nhật ký. "
                     + "Đặt Archive:Catalog:Provider=postgres để dùng danh mục mới.");
            return Task.FromResult(ExitCodes.Ok);
        });
        return migrate;
    }
}
