using Archive.Core.Application;

namespace Archive.Web.Hosting;

/// <summary>Transfers over HTTP: what is due (for archivists), as on the page /nop-luu.</summary>
public static class TransferEndpoints
{
    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/transfers");
        api.MapGet("/due", (int? days, HttpContext http, HttpActor actors, TransferService transfers) =>
            transfers.Due(actors.Of(http), days is null ? null : Math.Clamp(days.Value, 0, 3650)).Select(d => new
            {
                dossier = d.Dossier.FileCode.Value, title = d.Dossier.Title, kind = d.Kind, kindName = d.KindName, dueDate = d.DueDate,
                overdue = d.Overdue, maintenance = d.Dossier.Maintenance.Value, status = d.Dossier.Status,
            }));
        return endpoints;
    }
}
