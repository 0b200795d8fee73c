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
    /// <summary>A fresh catalog of the engine: catalog.db in the data folder, or a new database on the run's PostgreSQL cluster.</summary>
    public static CatalogLocation NewCatalog(this CatalogEngine engine) => engine switch
    {
        CatalogEngine.LiteDb => CatalogLocation.Embedded,
        _ => CatalogLocation.Postgres(PostgresCluster.Instance.NewDatabase()),
    };
}
