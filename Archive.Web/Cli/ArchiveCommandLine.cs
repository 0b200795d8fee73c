using System.CommandLine;

namespace Archive.Web.Cli;

/// <summary>The `archive` command: parses, refuses bad usage with exit 64, and runs the chosen command.</summary>
public static class ArchiveCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider clock,
        CancellationToken cancellationToken = default, TextReader? stdin = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var runner = new CommandRunner(stdout, stderr, clock, stdin, settings);
        var root = new RootCommand("Archive — hệ thống lưu trữ hồ sơ, tài liệu điện tử (TT 02/2019/TT-BNV)")
        {
            InitCommand.Create(runner),
            DemoCommand.Create(runner),
            CatalogCommands.Agency(runner),
            CatalogCommands.Fonds(runner),
            CatalogCommands.Dossier(runner),
            DocumentCommands.Create(runner),
            IngestCommands.Ingest(runner),
            IngestCommands.Inbox(runner),
            ExportCommand.Create(runner),
            AuditCommands.Create(runner),
            TrustCommands.Create(runner),
            CheckCommand.Create(runner),
            PreservationCommands.Fixity(runner),
            PreservationCommands.Backup(runner),
            PreservationCommands.Restore(runner),
            PreservationCommands.Jobs(runner),
            PreservationCommands.Alerts(runner),
            AirGapCommands.Create(runner),
            VerifyCommand.Create(runner),
            SignCommand.Create(runner),
            TransferCommands.Create(runner),
            DisposalCommands.Create(runner),
            TaskCommands.Create(runner),
            OutgoingCommands.Create(runner),
            RegisterCommands.Create(runner),
            StatsCommand.Create(runner),
            ServeCommand.Create(runner),
            SearchCommand.Create(runner),
            ReindexCommand.Create(runner),
            MigrateCommand.Create(runner),
            AccountCommands.User(runner),
            RightsCommands.Grant(runner),
            RightsCommands.Revoke(runner),
            RightsCommands.Grants(runner),
            CopyCommands.Create(runner),
        };
        root.Options.Add(CommandRunner.Data);
        root.Options.Add(CommandRunner.Json);
        root.Options.Add(CommandRunner.Verbose);
        root.Options.Add(CommandRunner.As);

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) await stderr.WriteLineAsync($"Lỗi cú pháp: {error.Message}").ConfigureAwait(false);
            await stderr.WriteLineAsync("Xem 'archive --help' hoặc 'archive <lệnh> --help'.").ConfigureAwait(false);
            return ExitCodes.UsageOrInput;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken)
            .ConfigureAwait(false);
    }
}
