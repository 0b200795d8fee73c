using System.CommandLine;
using System.Text.Json;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Core.Storage;
using Archive.Core.Preservation;
using Archive.Core.Trust;
using Archive.Search;
using Archive.Web.Hosting;
using Serilog.Events;

namespace Archive.Web.Cli;

/// <summary>
/// Runs one command's work with its context, and turns every known kind of failure into a clear
/// Vietnamese message and the contract's exit code, in one place.
/// </summary>
/// <param name="overrides">Settings over those of the files and the environment, as the command line gives them (a host that
/// runs the archive in its own process, the tests).</param>
public sealed class CommandRunner(TextWriter stdout, TextWriter stderr, TimeProvider clock, TextReader? stdin = null,
    IReadOnlyDictionary<string, string?>? overrides = null)
{
    public static readonly Option<string?> As = new("--as")
    {
        Description = "Thực hiện với tài khoản TÊN (mặc định: Archive:Cli:User, hoặc người dùng hệ điều hành với quyền người vận hành máy)",
        Recursive = true,
    };

    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Thư mục dữ liệu (mặc định: $ARCHIVE_DATA hoặc ./archive-data)", Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Kết quả dạng JSON, mỗi dòng một đối tượng", Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Ghi nhật ký chi tiết ra stderr", Recursive = true,
    };

    /// <summary>Binds <paramref name="work"/> as the action of <paramref name="command"/>.</summary>
    /// <param name="createsDataFolder">The command may create the data folder (so its log file too).</param>
    /// <param name="consoleLevel">What reaches standard error without --verbose: a server tells more than a one-shot command.</param>
    public void Bind(Command command, Func<CliContext, ParseResult, CancellationToken, Task<int>> work, bool createsDataFolder = false,
        LogEventLevel consoleLevel = LogEventLevel.Warning) =>
        command.SetAction((parse, cancellationToken) => RunAsync(parse, work, createsDataFolder, consoleLevel, cancellationToken));

    public void Bind(Command command, Func<CliContext, ParseResult, int> work, bool createsDataFolder = false) =>
        Bind(command, (context, parse, _) => Task.FromResult(work(context, parse)), createsDataFolder);

    private async Task<int> RunAsync(ParseResult parse, Func<CliContext, ParseResult, CancellationToken, Task<int>> work,
        bool createsDataFolder, LogEventLevel quietLevel, CancellationToken cancellationToken)
    {
        var output = new CliOutput(stdout, stderr, parse.GetValue(Json));
        ArchiveSettings settings;
        try
        {
            settings = ArchiveSettings.Load(parse.GetValue(Data), overrides);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or JsonException)
        {
            output.Error($"Tệp cấu hình không hợp lệ: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
        var folder = settings.Folder;
        var consoleLevel = parse.GetValue(Verbose) ? LogEventLevel.Debug : quietLevel;
        using var context = new CliContext(settings, output,
            ArchiveLogging.Create(settings, consoleLevel, toFile: createsDataFolder || folder.IsInitialised),
            new AgencyClock(clock, settings.TimeZone), parse.GetValue(As), stdin);
        try
        {
            return await work(context, parse, cancellationToken).ConfigureAwait(false);
        }
        catch (CatalogValidationException e)
        {
            foreach (var error in e.Errors) output.Error(error.Message);
            return ExitCodes.UsageOrInput;
        }
        catch (AccountValidationException e)
        {
            foreach (var problem in e.Problems) output.Error(problem);
            return ExitCodes.UsageOrInput;
        }
        catch (AccessDeniedException e)
        {
            output.Error($"Không được phép: {e.Message}");
            return ExitCodes.NoPermission;
        }
        catch (IndexInUseException)
        {
            output.Error("Chỉ mục tìm kiếm đang được một tiến trình khác (ví dụ 'archive serve') ghi; dừng tiến trình đó rồi chạy lại.");
            return ExitCodes.UsageOrInput;
        }
        catch (Exception e) when (e is UserInputException or DossierLifecycleException or PathOutsideDataFolderException
                                       or CatalogConflictException or CatalogNotFoundException or MetadataFormatException
                                       or TrustMaterialException or RestoreException or InvalidRequestException
                                       or RestrictedCollectionClosedException)
        {
            output.Error(e.Message);
            return ExitCodes.UsageOrInput;
        }
        catch (Archive.Core.Storage.Postgres.CatalogMigrationException e)
        {
            output.Error($"Bản chép danh mục trên PostgreSQL không khớp, không dùng được: {e.Message}");
            return ExitCodes.CheckFailed;
        }
        catch (Npgsql.NpgsqlException e) when (e.IsTransient || e.InnerException is System.Net.Sockets.SocketException)
        {
            output.Error($"Không kết nối được cơ sở dữ liệu PostgreSQL của danh mục ({e.Message}); "
                         + "thử lại khi máy chủ cơ sở dữ liệu hoạt động.");
            return ExitCodes.Busy;
        }
        catch (DataFolderInUseException e)
        {
            output.Error(e.Message + WebEquivalent.For(parse, settings.Urls));
            return ExitCodes.Busy;
        }
        catch (FileNotFoundException e)
        {
            output.Error($"Không tìm thấy tệp '{e.FileName}'.");
            return ExitCodes.UsageOrInput;
        }
        catch (DirectoryNotFoundException e)
        {
            output.Error($"Không tìm thấy thư mục: {e.Message}");
            return ExitCodes.UsageOrInput;
        }
        catch (OperationCanceledException)
        {
            output.Error("Đã huỷ theo yêu cầu.");
            return ExitCodes.CheckFailed;
        }
        catch (Exception e)
        {
            context.Log.Fatal(e, "Command failed");
            output.Error($"Lỗi không mong đợi ({e.GetType().Name}): {e.Message}. Chi tiết trong nhật ký {folder.Logs}.");
            return 70; // EX_SOFTWARE: a fault of ours, not of the input
        }
    }
}
