namespace Archive.Web.Hosting;

/// <summary>What GET /health answers: the state of the catalog, the blob store and the search index.</summary>
public sealed record HealthReport(string Status, ComponentHealth Catalog, ComponentHealth Blobs, ComponentHealth Index);

public sealed record ComponentHealth(string Status, string Detail);
