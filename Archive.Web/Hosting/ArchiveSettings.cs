using Archive.Core.Access;
using Archive.Core.Copies;
using Archive.Core.Storage;
using Archive.Core.Transfers;
using Archive.Ingest.Conversion;
using Archive.Ingest.Copies;
using Archive.Ingest.Intake;
using Archive.Ingest.Issuing;
using Archive.Ingest.Signing;
using Microsoft.Extensions.Configuration;

namespace Archive.Web.Hosting;

/// <summary>
/// Where settings come from, in rising precedence: the embedded appsettings.json, the environment
/// (ARCHIVE_DATA, and any key as ARCHIVE__Section__Key), then the command line.
/// </summary>
public sealed record ArchiveSettings(string DataFolder, string Urls, TimeZoneInfo TimeZone, IConfiguration Configuration)
{
    /// <summary>Backup media (Archive:Backup:Targets): TT 02 asks for at least two independent ones.</summary>
    public IReadOnlyList<string> BackupTargets =>
        Configuration.GetSection("Archive:Backup:Targets").GetChildren().Select(c => c.Value).OfType<string>()
            .Where(v => v.Length > 0).Select(Path.GetFullPath).ToList();

    /// <summary>Networks cut off from the WAN/Internet (Archive:Restricted:IsolatedNetworks), for the air-gap check.</summary>
    public IReadOnlyList<IsolatedNetwork> IsolatedNetworks =>
        Configuration.GetSection("Archive:Restricted:IsolatedNetworks").GetChildren().Select(c => c.Value).OfType<string>()
            .Where(v => v.Length > 0).Select(IsolatedNetwork.Parse).ToList();

    /// <summary>
    /// Sign-in attempts a client address may make in a minute (Archive:Web:SignInAttemptsPerMinute, 20 unless set): raise it
    /// where a whole agency reaches the archive through one address.
    /// </summary>
    public int SignInAttemptsPerMinute =>
        int.TryParse(Configuration["Archive:Web:SignInAttemptsPerMinute"], out var limit) && limit > 0 ? limit : 20;

    /// <summary>How many document pages are worked on at once (Archive:Web:ConcurrentReads, the number of cores unless set);
    /// others wait their turn (<see cref="ReadAdmission"/>).</summary>
    public int ConcurrentReads =>
        int.TryParse(Configuration["Archive:Web:ConcurrentReads"], out var permits) && permits > 0 ? permits : Environment.ProcessorCount;

    /// <summary>
    /// Where the catalog is kept (Archive:Catalog:Provider): <c>litedb</c>, the default, catalog.db in the data folder for one
    /// process; or <c>postgres</c>, a PostgreSQL database (Archive:Catalog:ConnectionString) shared by several nodes and commands.
    /// </summary>
    public CatalogLocation Catalog => (Configuration["Archive:Catalog:Provider"] ?? "").Trim().ToLowerInvariant() switch
    {
        "" or "litedb" => CatalogLocation.Embedded,
        "postgres" or "postgresql" => Configuration["Archive:Catalog:ConnectionString"] is { Length: > 0 } connection
            ? CatalogLocation.Postgres(connection)
            : throw new InvalidDataException(
                "Archive:Catalog:Provider là postgres nhưng chưa có chuỗi kết nối PostgreSQL (Archive:Catalog:ConnectionString)."),
        var other => throw new InvalidDataException(
            $"Archive:Catalog:Provider '{other}' không hợp lệ: chỉ nhận litedb (mặc định) hoặc postgres."),
    };

    /// <summary>The data folder, with this node's own search index where Archive:Search:IndexFolder names one (nodes sharing a
    /// PostgreSQL catalog and a blob folder each keep their index).</summary>
    public DataFolder Folder => Configuration["Archive:Search:IndexFolder"] is { Length: > 0 } index
        ? new DataFolder(DataFolder) { Index = Path.GetFullPath(index) }
        : new DataFolder(DataFolder);

    /// <summary>How often a node on a shared catalog looks for changes to index when the database has told it of none
    /// (Archive:Search:FeedIntervalSeconds, 2): it is told of each one as it commits.</summary>
    public TimeSpan IndexFeedInterval =>
        double.TryParse(Configuration["Archive:Search:FeedIntervalSeconds"], System.Globalization.CultureInfo.InvariantCulture,
            out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(2);

    /// <summary>How often the nodes of a cluster tell the scheduler they are alive (Archive:Jobs:ClusterCheckinSeconds, 15): a
    /// node silent for longer has its running jobs taken over by another.</summary>
    public TimeSpan JobsClusterCheckin =>
        double.TryParse(Configuration["Archive:Jobs:ClusterCheckinSeconds"], System.Globalization.CultureInfo.InvariantCulture,
            out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromSeconds(15);

    /// <summary>How long a blob no record refers to is left alone before the nightly fixity check or `archive check --collect`
    /// removes it (Archive:Storage:OrphanGraceHours, 24): longer than any write takes to reach the catalog.</summary>
    public TimeSpan OrphanGrace =>
        double.TryParse(Configuration["Archive:Storage:OrphanGraceHours"], System.Globalization.CultureInfo.InvariantCulture,
            out var hours) && hours >= 0 ? TimeSpan.FromHours(hours) : TimeSpan.FromHours(24);

    /// <summary>When dossiers are due for transfer (Archive:Transfers:Law: 2024, the default, or 2011).</summary>
    public TransferRules TransferRules => TransferRules.Parse(Configuration["Archive:Transfers:Law"]);

    /// <summary>Who approves requests for copies (Archive:Copies:Approver: lanh-dao, the default, or van-thu).</summary>
    public CopyApproval CopyApproval =>
        Configuration["Archive:Copies:Approver"] is { Length: > 0 } role ? CopyApproval.Parse(role) : CopyApproval.Leaders;

    /// <summary>
    /// How copies are issued (Archive:Copies): the public verification page a copy's QR code leads to (VerificationPage), the
    /// organisation's key the web signs them with (Key:Pkcs12File, or Key:Pkcs11Library, Key:Token, Key:KeyLabel and
    /// Key:CertificateFile; the password or PIN from the environment variable ARCHIVE_COPY_KEY_PASSWORD, never a file), and a
    /// time-stamp authority (TimestampAuthority) for PAdES B-T.
    /// </summary>
    public CopyIssuingOptions CopyIssuing
    {
        get
        {
            var copies = Configuration.GetSection("Archive:Copies");
            var page = Uri.TryCreate(copies["VerificationPage"], UriKind.Absolute, out var uri)
                ? uri
                : CopyIssuingOptions.Default.VerificationPage;
            var key = copies.GetSection("Key");
            var source = key["Pkcs12File"] is { Length: > 0 } || key["Pkcs11Library"] is { Length: > 0 }
                ? new SigningKeySource(NonEmpty(key["Pkcs12File"]), NonEmpty(key["Pkcs11Library"]), NonEmpty(key["Token"]),
                    NonEmpty(key["KeyLabel"]), NonEmpty(key["CertificateFile"]),
                    Environment.GetEnvironmentVariable("ARCHIVE_COPY_KEY_PASSWORD") ?? "")
                : null;
            var tsa = Uri.TryCreate(copies["TimestampAuthority"], UriKind.Absolute, out var authority) ? authority : null;
            return new CopyIssuingOptions(page, source, tsa);
        }
    }

    /// <summary>
    /// The folder issued documents' edXML envelopes go to for the document interconnection axis (Archive:Exchange:Outgoing; by
    /// default exchange/outgoing in the data folder).
    /// </summary>
    public OutgoingExchange OutgoingFolder(DataFolder folder) =>
        Configuration["Archive:Exchange:Outgoing"] is { Length: > 0 } path
            ? new OutgoingExchange(path)
            : OutgoingExchange.In(folder);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>The configuration files a backup keeps beside the data, so a restore runs as the original did.</summary>
    public IReadOnlyList<string> ConfigurationFiles => [Path.Combine(AppContext.BaseDirectory, "appsettings.json")];

    /// <summary>Converter programs (Archive:Conversion:Ghostscript, LibreOffice, OcrMyPdf) over the defaults.</summary>
    public ConversionOptions Conversion
    {
        get
        {
            var section = Configuration.GetSection("Archive:Conversion");
            var defaults = new ConversionOptions();
            return defaults with
            {
                Ghostscript = section["Ghostscript"] ?? defaults.Ghostscript,
                LibreOffice = section["LibreOffice"] ?? defaults.LibreOffice,
                OcrMyPdf = section["OcrMyPdf"] ?? defaults.OcrMyPdf,
            };
        }
    }

    /// <summary>
    /// The watched inbox folder of Archive:Ingest:* (WatchFolder, WatchDossier, WatchIntervalSeconds, WatchSettleSeconds);
    /// null when none is set.
    /// </summary>
    /// <param name="folder">The folder given on the command line, over the configured one.</param>
    /// <param name="dossier">The dossier given on the command line, over the configured one.</param>
    public WatchFolderOptions? WatchFolder(string? folder = null, string? dossier = null)
    {
        var section = Configuration.GetSection("Archive:Ingest");
        if ((folder ?? section["WatchFolder"]) is not { Length: > 0 } path) return null;
        return new WatchFolderOptions(Path.GetFullPath(path), dossier ?? section["WatchDossier"],
            Seconds(section, "WatchIntervalSeconds") ?? WatchFolderOptions.DefaultPollInterval,
            Seconds(section, "WatchSettleSeconds") ?? WatchFolderOptions.DefaultSettle);
    }

    private static TimeSpan? Seconds(IConfiguration section, string key) =>
        double.TryParse(section[key], System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? TimeSpan.FromSeconds(seconds)
            : section[key] is { Length: > 0 } text
                ? throw new InvalidDataException($"Archive:Ingest:{key} phải là số giây, không phải '{text}'.")
                : null;

    public const string DefaultDataFolder = "archive-data";

    public static ArchiveSettings Load(string? dataOption, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables("ARCHIVE__")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var data = dataOption
                   ?? Environment.GetEnvironmentVariable("ARCHIVE_DATA")
                   ?? configuration["Archive:DataFolder"]
                   ?? DefaultDataFolder;
        var urls = configuration["Archive:Urls"] ?? "http://127.0.0.1:5080";
        var zoneId = configuration["Archive:TimeZone"] ?? AgencyClock.DefaultZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
            zone = zoneId == AgencyClock.DefaultZone
                // Vietnam keeps UTC+07:00 all year; a machine without tzdata still gets it right.
                ? TimeZoneInfo.CreateCustomTimeZone(zoneId, TimeSpan.FromHours(7), "Giờ Việt Nam", "Giờ Việt Nam")
                : throw new InvalidDataException($"Múi giờ '{zoneId}' (Archive:TimeZone) không có trên máy này.");
        return new ArchiveSettings(Path.GetFullPath(data), urls, zone, configuration);
    }
}
