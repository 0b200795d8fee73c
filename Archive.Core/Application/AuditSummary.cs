using System.Text.Encodings.Web;
using System.Text.Json;
using Archive.Core.Catalog;

namespace Archive.Core.Application;

/// <summary>The before/after text of audit entries: the fields a reviewer needs to see what changed.</summary>
internal static class AuditSummary
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(Agency a) => Json(new { Code = a.Code.Value, a.Name, a.ParentCode });

    public static string Of(Fonds f) => Json(new { OrganId = f.OrganId.Value, f.FondName, f.Identifier });

    public static string Of(Dossier d) => Json(new
    {
        FileCode = d.FileCode.Value, d.Title, Maintenance = d.Maintenance.Value, Rights = d.Rights.Code,
        Status = d.Status.ToString(), d.DocTotal, d.PageTotal, d.StartDate, d.EndDate, d.ReopenReason,
        Appraisal = d.Appraisal is { } a ? new { Decision = a.Decision.ToString(), a.Council, a.Reason, a.ApprovedBy } : null,
        Holds = d.Holds.Select(h => new { h.Id, h.Reason }), d.DestroyedIn,
    });

    public static string Of(ArchivedDocument d) => Json(new
    {
        d.Id, d.DocCode, FileCode = d.FileCode.Value, d.DocOrdinal, d.TypeName, d.CodeNumber, d.CodeNotation,
        d.IssuedDate, d.Subject, Mode = d.Mode.Code,
    });

    private static string Json(object value) => JsonSerializer.Serialize(value, Options);
}
