using System.Text.Json;
using Archive.Core.Application;
using Archive.Core.Statistics;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages;

/// <summary>Thống kê (Điều 17): the figures of a period by agency, unit, type and month, a chart by month, and the XLSX export.</summary>
public sealed class ThongKeModel(ExchangeStatistics statistics, HttpActor actors, TimeProvider clock) : FormPage
{
    public StatisticsReport? Report { get; private set; }

    public StatisticsQuery Query { get; private set; } = null!;

    /// <summary>The months' figures for the chart, as JSON in a data attribute (the Content-Security-Policy forbids inline
    /// scripts).</summary>
    public string ChartData { get; private set; } = "[]";

    /// <summary>"2026-12" (the sortable key) as people write a month: "12/2026".</summary>
    public static string MonthName(string key) => key.Length == 7 ? $"{key[5..]}/{key[..4]}" : key;

    public IActionResult OnGet(DateOnly? tu, DateOnly? den, string? coQuan)
    {
        Query = StatisticsEndpoints.Query(tu, den, coQuan, clock);
        return Attempt(() =>
        {
            Report = statistics.Compute(Query, actors.Of(HttpContext));
            ChartData = JsonSerializer.Serialize(Report.Months.Select(m => new
            {
                month = MonthName(m.Key), sent = m.Figures.Sent, received = m.Figures.Received, onTime = m.Figures.OnTime,
                overdue = m.Figures.Overdue,
            }));
            return Page();
        }, () => { });
    }
}
