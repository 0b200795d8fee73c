using System.Globalization;
using Archive.Core.Application;
using Archive.Ingest.Records;

namespace Archive.Web.Hosting;

/// <summary>The registers (sổ đăng ký) over HTTP: the lines as JSON, the workbook as XLSX.</summary>
public static class RegisterEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapRegisters(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/registers");
        api.MapGet("/incoming", (int? year, string? q, HttpContext http, HttpActor actors, IncomingRegister register) =>
            register.Lines(year, actors.Of(http), q));
        api.MapGet("/incoming.xlsx", async (int? year, HttpContext http, HttpActor actors, IncomingRegister register,
            CancellationToken cancellationToken) =>
        {
            var workbook = new MemoryStream();
            await register.WriteXlsxAsync(year, actors.Of(http), workbook, cancellationToken).ConfigureAwait(false);
            workbook.Position = 0;
            return Results.File(workbook, Xlsx, $"so-van-ban-den-{year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nam-nay"}.xlsx");
        });
        api.MapGet("/outgoing", (int? year, string? register, string? q, HttpContext http, HttpActor actors, OutgoingRegister book) =>
            book.Lines(year, register, actors.Of(http), q));
        api.MapGet("/outgoing.xlsx", async (int? year, string? register, HttpContext http, HttpActor actors, OutgoingRegister book,
            CancellationToken cancellationToken) =>
        {
            var workbook = new MemoryStream();
            await book.WriteXlsxAsync(year, register, actors.Of(http), workbook, cancellationToken).ConfigureAwait(false);
            workbook.Position = 0;
            var name = year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nam-nay";
            return Results.File(workbook, Xlsx, $"so-van-ban-di-{name}.xlsx");
        });
        api.MapGet("/incoming.pdf", async (int? year, HttpContext http, HttpActor actors, RegisterPrint print,
            CancellationToken cancellationToken) => Results.File(await print.IncomingAsync(year, actors.Of(http), cancellationToken)
            .ConfigureAwait(false), "application/pdf", $"so-van-ban-den-{year?.ToString(CultureInfo.InvariantCulture) ?? "nam-nay"}.pdf"));
        api.MapGet("/outgoing.pdf", async (int? year, string? register, HttpContext http, HttpActor actors, RegisterPrint print,
            CancellationToken cancellationToken) => Results.File(await print.OutgoingAsync(year, register, actors.Of(http),
            cancellationToken).ConfigureAwait(false), "application/pdf",
            $"so-van-ban-di-{year?.ToString(CultureInfo.InvariantCulture) ?? "nam-nay"}.pdf"));
        return endpoints;
    }
}
