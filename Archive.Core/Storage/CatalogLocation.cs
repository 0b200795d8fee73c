namespace Archive.Core.Storage;

/// <summary>Where an archive's catalog is kept: <c>catalog.db</c> in its data folder (embedded, one process), or a PostgreSQL
/// database (<c>Archive:Catalog:Provider</c> = <c>postgres</c>), shared by several nodes and commands.</summary>
public sealed record CatalogLocation
{
    private CatalogLocation(string? postgresConnectionString) => PostgresConnectionString = postgresConnectionString;

    public static CatalogLocation Embedded { get; } = new((string?)null);

    public string? PostgresConnectionString { get; }

    public static CatalogLocation Postgres(string connectionString) =>
        new(string.IsNullOrWhiteSpace(connectionString)
            ? throw new ArgumentException("A connection string is needed.", nameof(connectionString))
            : connectionString);

    /// <summary>The connection string may hold a password: it is never shown.</summary>
    public override string ToString() => PostgresConnectionString is null ? "litedb" : "postgres";
}
