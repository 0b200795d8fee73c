using Archive.Core.Access;
using Archive.Core.Audit;
using Archive.Core.Storage;
using Archive.Web.Hosting;
using ILogger = Serilog.ILogger;
using Serilog;

namespace Archive.Web.Cli;

/// <summary>What one command invocation works with: settings, log, output, the actor, the opened store.</summary>
public sealed class CliContext : IDisposable
{
    private readonly Serilog.Core.Logger _logger;
    private ArchiveStore? _store;
    private RestrictedCollection? _restricted;

    public CliContext(ArchiveSettings settings, CliOutput output, Serilog.Core.Logger logger, TimeProvider clock)
    {
        Settings = settings;
        Output = output;
        _logger = logger;
        Clock = clock;
        Folder = new DataFolder(settings.DataFolder);
    }

    public ArchiveSettings Settings { get; }
    public CliOutput Output { get; }
    public ILogger Log => _logger;
    public TimeProvider Clock { get; }
    public DataFolder Folder { get; }
    public Actor Actor { get; } = Actor.FromOperatingSystem();

    /// <summary>The data folder's store; commands other than init need it initialised already.</summary>
    public ArchiveStore Store => _store ??= OpenExisting();

    /// <summary>The air-gapped collection beside the store; it opens only on a machine that passes the check.</summary>
    public RestrictedCollection Restricted =>
        _restricted ??= new RestrictedCollection(Store, new AirGapCheck(Settings.IsolatedNetworks, Clock), Actor, Clock, Log);

    public ArchiveStore OpenOrCreate() => _store ??= ArchiveStore.Open(Folder, Clock, Log, CrashPointFromEnvironment());

    private ArchiveStore OpenExisting()
    {
        if (!Folder.IsInitialised)
            throw new UserInputException(
                $"Thư mục dữ liệu '{Folder.Root}' chưa được khởi tạo. Chạy 'archive init --data {Folder.Root}' trước.");
        return ArchiveStore.Open(Folder, Clock, Log, CrashPointFromEnvironment());
    }

    private static CrashPoint CrashPointFromEnvironment() =>
        Environment.GetEnvironmentVariable("ARCHIVE_CRASH_AT") is { Length: > 0 } point ? new CrashPoint(point) : CrashPoint.None;

    public void Dispose()
    {
        _restricted?.Dispose();
        _store?.Dispose();
        _logger.Dispose();
    }
}
