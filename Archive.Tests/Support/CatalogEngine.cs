using System.Collections.Concurrent;
using Archive.Core.Storage;

namespace Archive.Tests.Support;

/// <summary>The engines a catalog can be kept in; service tests run on each (issue 17).</summary>
public enum CatalogEngine
{
    LiteDb,
    Postgres,
}

public static class CatalogEngines
{
    // The data folders of this run whose catalog is on PostgreSQL, and their databases: the command line run in the tests'
    // process, as a child, or as a server, is given the catalog of the folder it is pointed at.
    private static readonly ConcurrentDictionary<string, string> OnPostgres = new(StringComparer.Ordinal);

    /// <summary>A fresh catalog of the engine: catalog.db in the data folder, or a new database on the run's PostgreSQL cluster
    /// (reached through its socket when <paramref name="throughSocket"/>: see <see cref="PostgresCluster.NewDatabase"/>).</summary>
    public static CatalogLocation NewCatalog(this CatalogEngine engine, bool throughSocket = false) => engine switch
    {
        CatalogEngine.LiteDb => CatalogLocation.Embedded,
        _ => CatalogLocation.Postgres(PostgresCluster.Instance.NewDatabase(throughSocket)),
    };

    /// <summary>Gives the data folder a fresh catalog of the engine, for everything that opens the folder in this run.</summary>
    public static void Attach(this CatalogEngine engine, string data, bool throughSocket = false)
    {
        if (engine.NewCatalog(throughSocket).PostgresConnectionString is { } connection) OnPostgres[Path.GetFullPath(data)] = connection;
    }

    /// <summary>Where the folder's catalog is.</summary>
    public static CatalogLocation CatalogOf(string data) =>
        OnPostgres.TryGetValue(Path.GetFullPath(data), out var connection)
            ? CatalogLocation.Postgres(connection)
            : CatalogLocation.Embedded;

    /// <summary>The settings that point the archive at the folder's catalog, for a command line naming <c>--data</c>.</summary>
    public static Dictionary<string, string?>? SettingsFor(IReadOnlyList<string> args)
    {
        var at = args.ToList().IndexOf("--data");
        if (at < 0 || at + 1 >= args.Count || CatalogOf(args[at + 1]).PostgresConnectionString is not { } connection) return null;
        return new Dictionary<string, string?>
        {
            ["Archive:Catalog:Provider"] = "postgres", ["Archive:Catalog:ConnectionString"] = connection,
        };
    }

    /// <summary>The same as environment variables, for a child process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> EnvironmentFor(IReadOnlyList<string> args) =>
        (SettingsFor(args) ?? []).Select(s => KeyValuePair.Create("ARCHIVE__" + s.Key.Replace(":", "__", StringComparison.Ordinal),
            s.Value!));
}
