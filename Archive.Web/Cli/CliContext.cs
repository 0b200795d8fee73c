using Archive.Core;
using Archive.Core.Access;
using Archive.Core.Application;
using Archive.Core.Audit;
using Archive.Core.Storage;
using Archive.Ingest;
using Archive.Search;
using Archive.Web.Hosting;
using ILogger = Serilog.ILogger;

using Archive.Web.Jobs;

namespace Archive.Web.Cli;

/// <summary>
/// What one command invocation works with: settings, log, output, the opened store, the application services, and the
/// actor: the account named by --as (or Archive:Cli:User), else the operating-system user as the machine's operator.
/// </summary>
public sealed class CliContext : IDisposable
{
    /// <summary>Configuration key naming the account the command line acts as when --as is not given.</summary>
    public const string CliUserKey = "Archive:Cli:User";

    private readonly Serilog.Core.Logger _logger;
    private readonly string? _actAs;
    private readonly TextReader? _input;
    private ArchiveStore? _store;
    private RestrictedCollection? _restricted;
    private Actor? _actor;
    private ServiceProvider? _services;

    public CliContext(ArchiveSettings settings, CliOutput output, Serilog.Core.Logger logger, TimeProvider clock, string? actAs = null,
        TextReader? input = null)
    {
        Settings = settings;
        Output = output;
        _logger = logger;
        Clock = clock;
        _input = input;
        Folder = settings.Folder;
        _actAs = actAs ?? (settings.Configuration[CliUserKey] is { Length: > 0 } configured ? configured : null);
    }

    public ArchiveSettings Settings { get; }
    public CliOutput Output { get; }
    public ILogger Log => _logger;
    public TimeProvider Clock { get; }
    public DataFolder Folder { get; }

    /// <summary>Standard input, for secrets that must not appear on a command line (passwords).</summary>
    /// <remarks>
    /// Console.In is touched only when a command reads it: setting it up changes how the terminal's Ctrl+C reaches the process.
    /// </remarks>
    public TextReader Input => _input ?? Console.In;

    /// <summary>Who acts: resolved once, on first use, from the catalog; an unknown or disabled account is refused (exit 77).</summary>
    public Actor Actor => _actor ??= _actAs is null
        ? Actor.FromOperatingSystem()
        : Accounts.ActAs(_actAs, Environment.MachineName, NetworkZone.Console);

    /// <summary>The data folder's store; commands other than init need it initialised already.</summary>
    public ArchiveStore Store => _store ??= OpenExisting();

    /// <summary>The air-gapped collection beside the store; it opens only on a machine that passes the check.</summary>
    public RestrictedCollection Restricted =>
        _restricted ??= new RestrictedCollection(Store, new AirGapCheck(Settings.IsolatedNetworks, Clock), Actor.Scheduler(), Clock, Log);

    /// <summary>
    /// The application services, composed once per invocation by <see cref="Compose"/>, as `archive serve` composes its host.
    /// </summary>
    public IServiceProvider Services => _services ??= Compose(new ServiceCollection())
        .AddSingleton<IProgress<string>>(Output.Progress()).BuildServiceProvider();

    /// <summary>The one composition of the archive over this data folder, for the command line and the web host alike.</summary>
    public IServiceCollection Compose(IServiceCollection services) =>
        services.AddSingleton(Settings.CopyApproval).AddSingleton(Settings.CopyIssuing).AddSingleton(Settings.TransferRules)
            .AddSingleton(Settings.OutgoingFolder(Folder))
            .AddArchiveCore(Folder, () => Store, () => Restricted, Clock, Log)
            .AddArchiveIngest(Settings.Conversion).AddArchiveSearch()
            .AddSingleton(Settings).AddSingleton<ScheduledJobs>();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public CatalogService Catalog => Services.GetRequiredService<CatalogService>();
    public DocumentFiling Filing => Services.GetRequiredService<DocumentFiling>();
    public DocumentContent Content => Services.GetRequiredService<DocumentContent>();
    public AccountService Accounts => Services.GetRequiredService<AccountService>();
    public RightsService Rights => Services.GetRequiredService<RightsService>();
    public AuditLog AuditLog => Services.GetRequiredService<AuditLog>();
    public PreservationJobs Jobs => Services.GetRequiredService<PreservationJobs>();

    public ArchiveStore OpenOrCreate() => _store ??= Open();

    /// <summary>Whether an archive is there: catalog.db in the data folder; with a PostgreSQL catalog (shared, its schema made on
    /// first use), the data folder's blob store.</summary>
    public bool IsInitialised =>
        Settings.Catalog.PostgresConnectionString is null ? Folder.IsInitialised : Directory.Exists(Folder.Blobs);

    private ArchiveStore OpenExisting()
    {
        if (!IsInitialised)
            throw new UserInputException(
                $"Thư mục dữ liệu '{Folder.Root}' chưa được khởi tạo. Chạy 'archive init --data {Folder.Root}' trước.");
        return Open();
    }

    private ArchiveStore Open() => ArchiveStore.Open(Folder, Clock, Log, CrashPointFromEnvironment(), Settings.Catalog);

    private static CrashPoint CrashPointFromEnvironment() =>
        Environment.GetEnvironmentVariable("ARCHIVE_CRASH_AT") is { Length: > 0 } point ? new CrashPoint(point) : CrashPoint.None;

    public void Dispose()
    {
        _services?.Dispose();
        _restricted?.Dispose();
        _store?.Dispose();
        _logger.Dispose();
    }
}
