namespace Archive.Web.Hosting;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (HealthProbe probe) =>
        {
            var report = probe.Check();
            return Results.Json(report, statusCode: report.Status == "ok" ? 200 : 503);
        });
        return endpoints;
    }
}
