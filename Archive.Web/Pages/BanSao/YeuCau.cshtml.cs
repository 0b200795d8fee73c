using Archive.Core.Application;
using Archive.Core.Copies;
using Archive.Web.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace Archive.Web.Pages.BanSao;

/// <summary>Yêu cầu bản sao: asks for a SAO Y, SAO LỤC or TRÍCH SAO of one document; the copy service judges the request.</summary>
public sealed class YeuCauModel(CopyService copies, HttpActor actors) : FormPage
{
    [BindProperty(SupportsGet = true, Name = "van-ban")]
    public string DocumentId { get; set; } = "";

    [BindProperty]
    public string Form { get; set; } = CopyForm.SaoY.Key;

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? Recipient { get; set; }

    [BindProperty]
    public string? Pages { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost() => Attempt(() =>
    {
        var created = copies.Request(new NewCopyRequest(DocumentId, Form, Purpose ?? "", Recipient ?? "", Pages, Source),
            actors.Of(HttpContext));
        return Redirect($"/ban-sao#{created.Id}");
    }, () => { });
}
