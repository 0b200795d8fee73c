using Archive.Core.Application;
using Archive.Core.Statistics;

namespace Archive.Web.Hosting;

/// <summary>The figures of Điều 17 over HTTP: the report as JSON, the workbook as XLSX; the period defaults to this year so far.</summary>
public static class StatisticsEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapStatistics(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/statistics");
        api.MapGet("/", (DateOnly? from, DateOnly? to, string? agency, HttpContext http, HttpActor actors, ExchangeStatistics statistics,
            TimeProvider clock) => statistics.Compute(Query(from, to, agency, clock), actors.Of(http)));
        api.MapGet("/report.xlsx", async (DateOnly? from, DateOnly? to, string? agency, HttpContext http, HttpActor actors,
            ExchangeStatistics statistics, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var query = Query(from, to, agency, clock);
            var workbook = new MemoryStream();
            await statistics.WriteXlsxAsync(query, actors.Of(http), workbook, cancellationToken).ConfigureAwait(false);
            workbook.Position = 0;
            return Results.File(workbook, Xlsx, $"thong-ke-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}.xlsx");
        });
        return endpoints;
    }

    public static StatisticsQuery Query(DateOnly? from, DateOnly? to, string? agency, TimeProvider clock) =>
        StatisticsQuery.For(from, to, agency, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
}
