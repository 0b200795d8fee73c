using System.Text.Json;
using Archive.Core;
using Archive.Core.Application;
using Archive.Core.Catalog;
using Archive.Ingest.Signatures;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Field = Archive.Core.Catalog.Tt02Fields.Document;

namespace Archive.Web.Pages;

/// <summary>Văn bản: the PDF/A rendered by pdf.js, the original to download bit for bit, the TT 02 record, the signatures and the history.</summary>
public sealed class VanBanModel(DocumentView view, HttpActor actors) : PageModel
{
    public DocumentDetails Details { get; private set; } = null!;

    public SignatureReportJson? Signatures { get; private set; }

    public IReadOnlyList<(string Name, string Value)> Fields { get; private set; } = [];

    public void OnGet(string id)
    {
        Details = view.Of(id, actors.Of(HttpContext));
        Signatures = Details.SignatureReport is { } json ? JsonSerializer.Deserialize<SignatureReportJson>(json, ArchiveJson.Options) : null;
        var d = Details.Document;
        Fields = new (Tt02Field Field, string? Value)[]
        {
            (Field.DocCode, d.DocCode), (Field.FileCode, d.FileCode.Value), (Field.DocOrdinal, d.DocOrdinal.ToString()),
            (Field.TypeName, d.TypeName), (Field.CodeNumber, d.CodeNumber), (Field.CodeNotation, d.CodeNotation),
            (Field.IssuedDate, d.IssuedDate?.ToString("dd/MM/yyyy")), (Field.OrganName, d.OrganName), (Field.Subject, d.Subject),
            (Field.Language, d.Language?.Code), (Field.PageAmount, d.PageAmount?.ToString()), (Field.Mode, d.Mode.Name),
            (Field.ConfidenceLevel, d.ConfidenceLevel?.Name), (Field.Keyword, d.Keyword), (Field.Description, d.Description),
        }.Where(f => !string.IsNullOrWhiteSpace(f.Value)).Select(f => (f.Field.VietnameseName, f.Value!)).ToList();
    }
}
